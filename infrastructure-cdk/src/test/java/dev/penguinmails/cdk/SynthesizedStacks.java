package dev.penguinmails.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.penguinmails.cdk.PenguinMailsApp.Synthesis;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.assertions.Template;

/**
 * The stacks under test, each synthesized once per test JVM (a synth costs seconds) and shared by
 * the template tests of every capability.
 */
public final class SynthesizedStacks {

    private static final Supplier<Synthesized> PENGUINMAILS = memoize(SynthesizedStacks::synthesizePenguinMails);
    private static final Supplier<Synthesized> SAMPLE = memoize(SynthesizedStacks::synthesizeSample);

    private SynthesizedStacks() { }

    /** The real topology, stage {@code dev}, synthesized as `cdk synth` from Maven does (into target/cdk.out), with the rule packs. */
    public static Synthesized penguinMails() {
        return PENGUINMAILS.get();
    }

    /** {@link SampleTopology}, stage {@code prod}, from throwaway jars under target/, with the rule packs. */
    public static Synthesized sample() {
        return SAMPLE.get();
    }

    /** Where this module's build output goes (surefire runs in the module directory). */
    public static Path targetDirectory() {
        return Path.of("target").toAbsolutePath();
    }

    private static Synthesized synthesizePenguinMails() {
        RepositoryLayout layout = RepositoryLayout.locate();
        return Synthesized.of(PenguinMailsApp.synthesize(Map.of(PenguinMailsApp.RULE_PACKS_CONTEXT, "true"),
                layout, layout.defaultOutputDirectory()));
    }

    private static Synthesized synthesizeSample() {
        Topology topology = SampleTopology.define();
        Path root = targetDirectory().resolve("sample-repository");
        topology.functions().forEach(f -> writeJar(root, f));
        return Synthesized.of(PenguinMailsApp.synthesize(topology,
                Map.of(PenguinMailsApp.STAGE_CONTEXT, "prod", PenguinMailsApp.RULE_PACKS_CONTEXT, "true",
                        PenguinMailsApp.CORS_CONTEXT, "https://app.example.com, https://admin.example.com"),
                new RepositoryLayout(root), targetDirectory().resolve("cdk-sample.out")));
    }

    // The sample families only need a jar to stage as an asset, not one that runs.
    private static void writeJar(Path root, FunctionSpec function) {
        Path jar = root.resolve(function.jarPath());
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write(("sample jar of " + function.family()).getBytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** A synthesized stack, as the assertions library and as a JSON tree for walking it by the model. */
    public record Synthesized(Synthesis synthesis, Template template, TemplateJson json) {

        static Synthesized of(Synthesis synthesis) {
            Map<String, Object> raw = synthesis.template();
            JsonNode tree = new ObjectMapper().valueToTree(raw);
            return new Synthesized(synthesis, Template.fromJSON(raw), new TemplateJson(tree));
        }

        public Topology topology() {
            return synthesis.topology();
        }

        public dev.penguinmails.cdk.stage.DeploymentStage stage() {
            return synthesis.stage();
        }
    }
}
