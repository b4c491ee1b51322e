package dev.penguinmails.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The run command refuses to start with one sentence on stderr, no stack trace, and a non-zero exit. */
@Tag("integration")
class LocalStackMainTest {

    @Test
    void aTakenApiPortIsOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Result result = run(List.of(), "--api-port", Integer.toString(port));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr().strip())
                    .isEqualTo("Port " + port + " (API) is already in use; pass --api-port to choose another.");
        }
    }

    @Test
    void aTakenEmulatorPortIsOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Result result = run(List.of(), "--api-port", Integer.toString(freePort()), "--smtp-port", Integer.toString(port));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr().lines().toList()).hasSize(1);
            assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aMissingNodeIsOneSentence() throws Exception {
        Result result = run(List.of("-Dpenguinmails.node=/nonexistent/node"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip()).startsWith("Node.js was not found").doesNotContain("\n");
    }

    @Test
    void helpPrintsTheOptions() throws Exception {
        Result result = run(List.of(), "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--api-port").contains("--reset");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String stdout, String stderr) { }

    private static Result run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.add("-Dpenguinmails.root=" + FixtureAccess.projectRoot());
        command.addAll(jvmOptions);
        command.add(LocalStackMain.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(new File(FixtureAccess.projectRoot().toString())).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the run command did not exit");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
