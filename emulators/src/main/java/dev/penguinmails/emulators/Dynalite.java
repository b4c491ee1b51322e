package dev.penguinmails.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB, emulated by the npm package dynalite running in a node child process. With a data
 * folder its LevelDB store survives restarts; without one everything lives in memory.
 */
public final class Dynalite implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Dynalite listening at: \\S+:(\\d+)");

    private final NodeProcess process;

    private Dynalite(NodeProcess process) {
        this.process = process;
    }

    /**
     * Starts dynalite on 127.0.0.1.
     *
     * @param port    the port, or 0 for one the OS picks
     * @param dataDir where to persist tables, or {@code null} to keep them in memory
     */
    public static Dynalite start(NodeRuntime node, int port, Path dataDir) {
        List<String> args = new ArrayList<>();
        String data = dataDir == null ? null : dataDir.toAbsolutePath().toString();
        if (port == 0) {
            // cli.js treats --port 0 as "use the default 4567", so a tiny launcher listens on 0 instead.
            args.addAll(List.of(NodeProcess.script("dynalite-listen.js").toString(),
                    node.nodeModules().resolve(NodeRuntime.DYNALITE).toString(), "127.0.0.1", "0"));
            if (data != null) {
                args.add(data);
            }
        } else {
            // Tables must be ACTIVE at once: with the default 500 ms the SDK's waiters sleep for 20 s.
            args.addAll(List.of(node.module(NodeRuntime.DYNALITE, "cli.js").toString(),
                    "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            if (data != null) {
                args.addAll(List.of("--path", data));
            }
        }
        return new Dynalite(NodeProcess.start("dynalite", node, args, Map.of(), READY));
    }

    public int port() {
        return process.port();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The node process id, for diagnostics and for tests that prove it ends with us. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
