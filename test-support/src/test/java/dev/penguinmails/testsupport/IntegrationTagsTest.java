package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every test class of the repository that starts emulators or a local stack is tagged {@code integration}, so
 * that {@code mvn verify -DexcludedGroups=integration} runs exactly the fast tests (docs/testing.md). A class
 * counts as one when its source starts something itself (the shared test emulators, a whole stack, an emulator's
 * {@code start(...)}) or names a test source that does (a base class, a fixture), however indirectly.
 */
class IntegrationTagsTest {
    /** What starts an emulator, a whole stack or the test JVM's shared emulators. */
    private static final List<Pattern> STARTS_SOMETHING = List.of(
            Pattern.compile("\\bTestAws\\."),
            Pattern.compile("@SharedLocalStack\\b"),
            Pattern.compile("\\bSharedLocalAws\\b"),
            Pattern.compile("\\bLocalStackMain\\.class\\b"),
            Pattern.compile("\\b(LocalAws|LocalStack|LocalPostgres|LocalDns|Dynalite|ElasticMq|GreenMailServer|S3ProxyServer"
                    + "|SesLocal|StripeStandIn|LocalEventBridge)\\.start\\("));
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".local-data", ".mvn");
    private static final Pattern TAGGED = Pattern.compile("@Tag\\(\"integration\"\\)|@SharedLocalStack\\b");

    @Test
    void everyTestClassThatStartsEmulatorsOrAStackIsTaggedIntegration() {
        Map<String, String> sources = testSources(RepositoryFiles.root());
        assertThat(sources).as("test sources of the repository").hasSizeGreaterThan(100);

        Set<String> integration = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            Pattern namesOne = integration.isEmpty() ? null
                    : Pattern.compile("\\b(" + String.join("|", integration) + ")\\b");
            for (Map.Entry<String, String> source : sources.entrySet()) {
                String name = simpleName(source.getKey());
                if (!integration.contains(name) && startsSomething(source.getValue(), namesOne)) {
                    integration.add(name);
                    grew = true;
                }
            }
        }

        List<String> untagged = sources.entrySet().stream()
                .filter(s -> simpleName(s.getKey()).endsWith("Test") && integration.contains(simpleName(s.getKey())))
                .filter(s -> !TAGGED.matcher(s.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(integration).as("classes found to start emulators").contains("TestAwsTest", "IntegrationTagsTestProbe");
        assertThat(untagged).as("test classes that start emulators or a stack without @Tag(\"integration\")").isEmpty();
    }

    private static boolean startsSomething(String source, Pattern namesOne) {
        return STARTS_SOMETHING.stream().anyMatch(p -> p.matcher(source).find())
                || namesOne != null && namesOne.matcher(source).find();
    }

    /** Path (from the repository root) to text of every Java file under a {@code src/test/java} folder. */
    private static Map<String, String> testSources(Path root) {
        Map<String, String> sources = new LinkedHashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    // This test's own patterns are no uses.
                    if (path.matches("(.+/)?src/test/java/.+\\.java") && !path.endsWith("/IntegrationTagsTest.java")) {
                        sources.put(path, RepositoryFiles.read(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A stand-in for a class that only names another: proves the search follows names, not just starts.
        sources.put("IntegrationTagsTestProbe.java", "class IntegrationTagsTestProbe extends TestAwsTest {}");
        return sources;
    }

    private static String simpleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".java".length());
    }
}
