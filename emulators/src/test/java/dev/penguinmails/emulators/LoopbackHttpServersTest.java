package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins' HTTP servers answer without Nagle's delay (decision 0079): the switch is on once one is made, and
 * no main source makes a JDK HTTP server any other way.
 */
class LoopbackHttpServersTest {

    @Test
    void aServerMadeHereHasTheJdksNoDelaySwitchOn() throws IOException {
        HttpServer server = LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            assertThat(System.getProperty(LoopbackHttpServers.NO_DELAY)).isEqualTo("true");
            assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noMainSourceMakesAJdkHttpServerAnyOtherWay() throws IOException {
        Path root = repositoryRoot();
        String call = "HttpServer" + ".create(";
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().replace('\\', '/').contains("/src/main/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/node_modules/"))
                    .filter(f -> !f.getFileName().toString().equals("LoopbackHttpServers.java"))
                    .filter(f -> read(f).contains(call))
                    .map(f -> root.relativize(f).toString()).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("penguinmails.repo.root");
        Path start = configured == null || configured.isBlank() ? Path.of("").toAbsolutePath() : Path.of(configured);
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("emulators"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }
}
