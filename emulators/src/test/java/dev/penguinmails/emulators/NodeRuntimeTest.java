package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRuntimeTest {

    private static final String USER_DIR = System.getProperty("user.dir");
    private static final String REPO_ROOT = System.getProperty(NodeRuntime.REPO_ROOT_PROPERTY);

    @AfterEach
    void restore() {
        System.clearProperty(NodeRuntime.NODE_PROPERTY);
        System.clearProperty(NodeRuntime.NODE_MODULES_PROPERTY);
        System.setProperty("user.dir", USER_DIR);
        if (REPO_ROOT == null) {
            System.clearProperty(NodeRuntime.REPO_ROOT_PROPERTY);
        } else {
            System.setProperty(NodeRuntime.REPO_ROOT_PROPERTY, REPO_ROOT);
        }
    }

    @Test
    void findsNodeAndThePackagesAboveTheWorkingDirectory() {
        NodeRuntime node = NodeRuntime.locate();

        assertThat(node.node()).isExecutable();
        assertThat(node.module("dynalite", "cli.js")).isRegularFile();
        assertThat(node.module("aws-ses-v2-local", "dist/cli.js")).isRegularFile();
        assertThat(node.module("dns2", "package.json")).isRegularFile();
        assertThat(node.projectRoot().resolve("package.json")).isRegularFile();
    }

    @Test
    void missingNodeIsOneSentenceThatSaysWhatToInstall(@TempDir Path dir) {
        System.setProperty(NodeRuntime.NODE_PROPERTY, dir.resolve("no-node").toString());

        assertThatThrownBy(NodeRuntime::locate).isInstanceOf(EmulatorException.class)
                .hasMessageStartingWith("Node.js was not found on PATH; install Node 18+ (https://nodejs.org) and run `npm ci` in ")
                .hasMessageEndingWith(".")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingPackagesSayToRunNpmCi(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("node_modules/dynalite"));
        System.setProperty(NodeRuntime.NODE_MODULES_PROPERTY, dir.toString());

        assertThatThrownBy(NodeRuntime::locate).isInstanceOf(EmulatorException.class)
                .hasMessageContaining("are not installed; run `npm ci` in");
    }

    @Test
    void aNodeModulesFolderInstalledBeforeDns2WasAddedSaysToRunNpmCi(@TempDir Path dir) throws Exception {
        for (String older : new String[] {"dynalite", "aws-ses-v2-local"}) {
            Files.createDirectories(dir.resolve("node_modules").resolve(older));
            Files.writeString(dir.resolve("node_modules").resolve(older).resolve("package.json"), "{}");
        }
        System.setProperty(NodeRuntime.NODE_MODULES_PROPERTY, dir.toString());

        assertThatThrownBy(NodeRuntime::locate).isInstanceOf(EmulatorException.class)
                .hasMessageContaining("dns2").hasMessageContaining("run `npm ci` in");
    }

    @Test
    void theNodeModulesPropertyAcceptsTheFolderOrItsParent() {
        Path real = NodeRuntime.locate().nodeModules();
        System.setProperty(NodeRuntime.NODE_MODULES_PROPERTY, real.toString());
        assertThat(NodeRuntime.locate().nodeModules()).isEqualTo(real);
        System.setProperty(NodeRuntime.NODE_MODULES_PROPERTY, real.getParent().toString());
        assertThat(NodeRuntime.locate().nodeModules()).isEqualTo(real);
    }

    @Test
    void theRepoRootThatTheBuildPassesIsSearchedToo(@TempDir Path elsewhere) {
        Path real = NodeRuntime.locate().nodeModules();
        System.setProperty("user.dir", elsewhere.toString());
        System.clearProperty(NodeRuntime.REPO_ROOT_PROPERTY);
        assertThatThrownBy(NodeRuntime::locate).hasMessageContaining("run `npm ci`");

        System.setProperty(NodeRuntime.REPO_ROOT_PROPERTY, real.getParent().toString());
        assertThat(NodeRuntime.locate().nodeModules()).isEqualTo(real);
    }
}
