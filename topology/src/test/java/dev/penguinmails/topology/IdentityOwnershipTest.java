package dev.penguinmails.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Accounts, sessions, memberships and API keys are identity's data: no module but {@code functions/identity}
 * names identity's table or the keys of its items, in main or test sources. Other families learn who calls
 * from the authorizer's context, and the topology grants them nothing on that table.
 */
class IdentityOwnershipTest {
    // Written in pieces so that this file does not name them itself.
    private static final List<String> IDENTITY_NAMES = List.of(
            "Identity" + "Table", "Identity" + "Keys", "tables" + ".identity", "TABLES" + "_IDENTITY",
            "\"APIKEY" + "#", "\"USER" + "#", "table(\"" + "identity\")");
    private static final Path IDENTITY = Path.of("functions", "identity");

    @Test
    void noModuleButIdentityNamesIdentitysTableOrKeys() throws IOException {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !root.relativize(f).startsWith(IDENTITY))
                    .filter(IdentityOwnershipTest::isSource)
                    .forEach(f -> IDENTITY_NAMES.stream().filter(name -> read(f).contains(name))
                            .forEach(name -> offenders.add(root.relativize(f) + " names " + name)));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theTopologyGrantsIdentitysTableToIdentityAlone() {
        Topology topology = PenguinMailsTopology.define();
        assertThat(topology.functions()).filteredOn(f -> f.access().tables().contains(PenguinMailsTopology.IDENTITY))
                .extracting(FunctionSpec::family).containsExactly(PenguinMailsTopology.IDENTITY);
    }

    private static boolean isSource(Path file) {
        String path = file.toString().replace('\\', '/');
        boolean inSources = path.contains("/src/main/") || path.contains("/src/test/");
        return inSources && !path.contains("/target/") && !path.contains("/node_modules/")
                && (path.endsWith(".java") || path.endsWith(".properties") || path.endsWith(".js")
                    || path.endsWith(".json") || path.endsWith(".yml") || path.endsWith(".xml"));
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
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("topology"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }
}
