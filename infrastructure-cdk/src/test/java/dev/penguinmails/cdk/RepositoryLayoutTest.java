package dev.penguinmails.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.penguinmails.topology.PenguinMailsTopology;

class RepositoryLayoutTest {

    @Test
    void findsTheRepositoryRootFromThisModule() {
        RepositoryLayout layout = RepositoryLayout.locate();
        assertThat(layout.root().resolve("pom.xml")).isRegularFile();
        assertThat(layout.root().resolve("topology")).isDirectory();
        assertThat(layout.moduleDirectory().resolve("cdk.json")).isRegularFile();
    }

    @Test
    void aMissingFunctionJarFailsWithTheCommandThatBuildsIt(@TempDir Path emptyRoot) {
        var identity = PenguinMailsTopology.define().function(PenguinMailsTopology.IDENTITY).orElseThrow();
        assertThatThrownBy(() -> new RepositoryLayout(emptyRoot).functionJar(identity))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'identity' is missing")
                .hasMessageContaining(emptyRoot.resolve("functions/identity/target/identity-lambda.jar").toString())
                .hasMessageContaining("Build the functions first")
                .hasMessageContaining("-pl functions/identity");
    }

    @Test
    void anExistingJarIsReturnedByItsPathUnderTheRoot(@TempDir Path root) throws Exception {
        var identity = PenguinMailsTopology.define().function(PenguinMailsTopology.IDENTITY).orElseThrow();
        Path jar = root.resolve(identity.jarPath());
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        assertThat(new RepositoryLayout(root).functionJar(identity)).isEqualTo(jar);
    }
}
