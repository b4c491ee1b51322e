package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.LoopbackHttpServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JDK HTTP server of the main sources (the local stand-ins, the local stack's API) is made through
 * {@link LoopbackHttpServers}, so none answers 40 ms late for want of the no-delay switch (decision 0079).
 */
class StandInServersTest {

    @Test
    void noMainSourceMakesAJdkHttpServerAnyOtherWay() throws IOException {
        Path root = RepositoryFiles.root();
        String call = "HttpServer" + ".create(";
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().replace('\\', '/').contains("/src/main/"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/node_modules/"))
                    .filter(f -> !f.getFileName().toString().equals(LoopbackHttpServers.class.getSimpleName() + ".java"))
                    .filter(f -> RepositoryFiles.read(f).contains(call))
                    .map(f -> root.relativize(f).toString()).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
