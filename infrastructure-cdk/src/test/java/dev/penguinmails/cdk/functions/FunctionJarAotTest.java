package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.cdk.RepositoryLayout;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jars CDK deploys are optimised by Micronaut AOT, which settles bean conditions when the jar is built.
 * A bean of ours that it dropped would be missing on AWS only (tests run without AOT), so every one of ours
 * must be in AOT's list of bean definitions.
 */
class FunctionJarAotTest {
    private static final String BEAN_REFERENCES = "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/";

    @Test
    void everyFunctionJarIsOptimisedAndKeepsEveryBeanOfOurs() throws IOException {
        RepositoryLayout layout = RepositoryLayout.locate();
        for (FunctionSpec function : PenguinMailsTopology.define().functions()) {
            Path jarPath = layout.functionJar(function);
            try (JarFile jar = new JarFile(jarPath.toFile())) {
                String factory = function.javaPackage().replace('.', '/') + "/aot/BeanDefinitionReferenceFactory.class";
                JarEntry generated = jar.getJarEntry(factory);
                assertThat(generated)
                        .as("%s has no %s: is micronaut.aot.packageName %s.aot in its pom?",
                                jarPath, factory, function.javaPackage())
                        .isNotNull();
                String listed = text(jar, generated);
                List<String> ours = jar.stream().map(JarEntry::getName)
                        .filter(name -> name.startsWith(BEAN_REFERENCES + "dev.penguinmails."))
                        .map(name -> name.substring(BEAN_REFERENCES.length()))
                        .toList();

                assertThat(ours).as("bean definitions of ours in %s", jarPath).isNotEmpty();
                assertThat(ours).as("beans of ours that AOT left out of %s (a bean condition false at build time?)",
                        jarPath).allMatch(name -> hasConstant(listed, name));
            }
        }
    }

    /**
     * Whether the class file holds {@code value} as a whole constant: the constant pool stores each string
     * after its two-byte length, so a name that is only part of a longer one does not count.
     */
    private static boolean hasConstant(String classFile, String value) {
        int length = value.length();
        return classFile.contains("" + (char) (length >> 8) + (char) (length & 0xFF) + value);
    }

    private static String text(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            // Class names sit in the constant pool as (ASCII) UTF-8.
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
