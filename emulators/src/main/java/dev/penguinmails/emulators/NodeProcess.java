package dev.penguinmails.emulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node child process that serves HTTP on 127.0.0.1 and prints the port it listens on once it is
 * ready. Its output goes to the log; the last lines are kept to explain a failed start.
 */
final class NodeProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeProcess.class);
    // Generous: on a loaded 2-core CI machine a node start has taken over 10 s.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int KEPT_LINES = 30;
    private static volatile Path scriptDir;

    private final String name;
    private final Process process;
    private final MatchResult readyLine;
    private final int port;

    private NodeProcess(String name, Process process, MatchResult readyLine) {
        this.name = name;
        this.process = process;
        this.readyLine = readyLine;
        this.port = Integer.parseInt(readyLine.group(1));
    }

    /**
     * Runs {@code node [script and args]} and waits until it prints a line matching {@code ready}
     * (whose group 1 is the port) and that port accepts connections.
     */
    static NodeProcess start(String name, NodeRuntime node, List<String> scriptAndArgs, Map<String, String> env,
                             Pattern ready) {
        List<String> command = new ArrayList<>();
        command.add(node.node().toString());
        command.add("--require");
        command.add(script("parent-watch.js").toString());
        command.addAll(scriptAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(node.projectRoot().toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EmulatorException("Could not start " + name + " with " + node.node() + ": " + e.getMessage(), e);
        }
        ChildProcesses.register(process);
        CompletableFuture<MatchResult> readyLine = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader = new Thread(() -> pump(name, process.getInputStream(), ready, readyLine, lastLines),
                "penguinmails-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> readyLine.completeExceptionally(new IllegalStateException("exited")));
        try {
            NodeProcess started = new NodeProcess(name, process,
                    readyLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            awaitAccepting(started.port);
            return started;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            String why = e instanceof ExecutionException && !process.isAlive()
                    ? "exited with code " + process.exitValue()
                    : "did not become ready within " + START_TIMEOUT.toSeconds() + " s";
            ChildProcesses.destroy(process);
            String output;
            synchronized (lastLines) {
                output = String.join(" | ", lastLines);
            }
            throw new EmulatorException(name + " " + why + "; its last output: " + output, e);
        } catch (InterruptedException e) {
            ChildProcesses.destroy(process);
            Thread.currentThread().interrupt();
            throw new EmulatorException("Interrupted while starting " + name + ".", e);
        }
    }

    int port() {
        return port;
    }

    /** A group of the line that announced readiness, for a process that reports more than its port. */
    String readyGroup(int group) {
        return readyLine.group(group);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ChildProcesses.destroy(process);
        LOG.debug("{} stopped", name);
    }

    private static void pump(String name, InputStream output, Pattern ready, CompletableFuture<MatchResult> readyLine,
                             Deque<String> lastLines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LOG.debug("[{}] {}", name, line);
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = ready.matcher(line);
                if (!readyLine.isDone() && m.find()) {
                    readyLine.complete(m.toMatchResult());
                }
            }
        } catch (IOException e) {
            // The stream closes when the process ends; onExit reports that.
            LOG.trace("{} output closed", name, e);
        }
    }

    private static void awaitAccepting(int port) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("port " + port + " never accepted a connection");
                }
                Thread.sleep(50);
            }
        }
    }

    /** The node scripts we ship are copied out of the jar once per JVM, because node needs files. */
    static Path script(String fileName) {
        Path dir = scriptDir;
        if (dir == null) {
            synchronized (NodeProcess.class) {
                if (scriptDir == null) {
                    scriptDir = extractScripts();
                }
                dir = scriptDir;
            }
        }
        return dir.resolve(fileName);
    }

    private static Path extractScripts() {
        try {
            Path dir = Files.createTempDirectory("penguinmails-node-");
            dir.toFile().deleteOnExit();
            for (String file : List.of("parent-watch.js", "dynalite-listen.js", "local-dns.js")) {
                try (InputStream in = NodeProcess.class.getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + file);
                    }
                    Path target = dir.resolve(file);
                    Files.copy(in, target);
                    target.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
