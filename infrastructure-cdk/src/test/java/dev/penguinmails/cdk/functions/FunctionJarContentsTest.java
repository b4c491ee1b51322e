package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.cdk.RepositoryLayout;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jars CDK deploys hold production code only: nothing of the local stack's runtime or of the tests. */
class FunctionJarContentsTest {

    /** Entry-name prefixes that belong to the local stack, tests or test tooling, never to a Lambda. */
    private static final List<String> NOT_IN_PRODUCTION = List.of(
            "dev/penguinmails/localruntime/",          // LocalInvoker and the local environment hook
            "dev/penguinmails/shared/lambda/LocalInvoker",
            "dev/penguinmails/shared/openapi/OpenApiCoverage",
            "dev/penguinmails/testsupport/",          // OpenApiCoverage, TopologyRoutes, TestAws
            "dev/penguinmails/local/",                // the local stack
            "dev/penguinmails/emulators/",
            "org/yaml/snakeyaml/",                    // only the OpenAPI checks parse YAML
            "org/elasticmq/", "org/gaul/s3proxy/", "com/icegreen/greenmail/",
            "org/junit/", "org/assertj/", "io/micronaut/test/");

    @Test
    void everyFunctionJarHoldsNoLocalStackOrTestCode() throws IOException {
        RepositoryLayout layout = RepositoryLayout.locate();
        for (FunctionSpec function : PenguinMailsTopology.define().functions()) {
            Path jarPath = layout.functionJar(function);
            try (JarFile jar = new JarFile(jarPath.toFile())) {
                List<String> names = jar.stream().map(JarEntry::getName).toList();

                assertThat(names).as("%s holds its own code", jarPath)
                        .anyMatch(n -> n.startsWith(function.javaPackage().replace('.', '/') + "/"));
                assertThat(names).as("local-stack or test code in %s", jarPath)
                        .noneMatch(n -> NOT_IN_PRODUCTION.stream().anyMatch(n::startsWith));
            }
        }
    }
}
