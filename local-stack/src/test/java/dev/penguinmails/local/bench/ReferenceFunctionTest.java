package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reference function is built with everything else (its own test, in its module, calls it through the
 * Lambda handler), and stays out of the product: no family of the topology, no folder under functions/.
 */
class ReferenceFunctionTest {

    @Test
    void theReferenceIsAModuleOfTheBuildButNotAFamily() throws Exception {
        Path root = FixtureAccess.projectRoot();

        assertThat(Files.readString(root.resolve("pom.xml"))).contains("<module>" + ReferenceFunction.MODULE + "</module>");
        assertThat(root.resolve(ReferenceFunction.MODULE).resolve("pom.xml")).isRegularFile();
        assertThat(ReferenceFunction.JAR).startsWith(ReferenceFunction.MODULE + "/target/");
        assertThat(PenguinMailsTopology.define().functions())
                .noneMatch(f -> f.family().equals(ReferenceFunction.FAMILY));
        assertThat(ReferenceFunction.MODULE).doesNotStartWith("functions/");
    }
}
