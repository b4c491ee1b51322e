package dev.penguinmails.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * A synthesized stack, as the assertions library and as a JSON tree for walking it by the model: the parent
     * template, and the nested template of each function family (decision 0070), keyed by family name.
     */
    public record Synthesized(Synthesis synthesis, Template template, TemplateJson json,
                              Map<String, Template> familyTemplates, Map<String, TemplateJson> familyJson) {

        static Synthesized of(Synthesis synthesis) {
            Map<String, Object> raw = synthesis.template();
            JsonNode tree = MAPPER.valueToTree(raw);
            Path assembly = Path.of(synthesis.assembly().getDirectory());
            Map<String, Template> templates = new LinkedHashMap<>();
            Map<String, TemplateJson> json = new LinkedHashMap<>();
            synthesis.stack().nestedStacks().forEach((family, nested) -> {
                JsonNode nestedTree = read(assembly.resolve(nested.getTemplateFile()));
                String resourceId = (String) synthesis.stack().resolve(nested.getNestedStackResource().getLogicalId());
                Map<String, JsonNode> parameters = new LinkedHashMap<>();
                tree.path("Resources").path(resourceId).path("Properties").path("Parameters").fields()
                        .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue()));
                templates.put(family, Template.fromJSON(MAPPER.convertValue(nestedTree, MAP)));
                json.put(family, new TemplateJson(nestedTree, resourceId, parameters));
            });
            return new Synthesized(synthesis, Template.fromJSON(raw), new TemplateJson(tree), templates, json);
        }

        private static JsonNode read(Path file) {
            try {
                return MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Topology topology() {
            return synthesis.topology();
        }

        public dev.penguinmails.cdk.stage.DeploymentStage stage() {
            return synthesis.stage();
        }

        /** The nested template that holds {@code family}'s functions, role policy, triggers and log groups. */
        public TemplateJson functions(FunctionSpec family) {
            return functions(family.family());
        }

        public TemplateJson functions(String family) {
            TemplateJson nested = familyJson.get(family);
            if (nested == null) {
                throw new AssertionError("no nested stack of family " + family + " in " + familyJson.keySet());
            }
            return nested;
        }

        /** The parent template and every nested one. */
        public List<TemplateJson> allJson() {
            List<TemplateJson> all = new ArrayList<>(List.of(json));
            all.addAll(familyJson.values());
            return all;
        }

        /** The Lambda of one entry point and its live alias, in its family's nested template. */
        public TemplateJson.FunctionWithAlias function(FunctionSpec family, dev.penguinmails.topology.EntryPoint entryPoint) {
            return functions(family).functionWithAlias(stage().functionName(family, entryPoint),
                    dev.penguinmails.cdk.functions.FunctionFamily.ALIAS);
        }

        /** The properties of one entry point's Lambda, with its parameters followed to the parent's resources. */
        public JsonNode functionProperties(FunctionSpec family, dev.penguinmails.topology.EntryPoint entryPoint) {
            TemplateJson nested = functions(family);
            return nested.inParent(nested.properties(function(family, entryPoint).functionId()));
        }

        /** The parent's logical id of the role that {@code family}'s Lambdas run as. */
        public String roleOf(FunctionSpec family) {
            return TemplateJson.referencedId(functionProperties(family, family.entryPoints().findFirst().orElseThrow())
                    .path("Role"));
        }

        /** The statements of the identity policies attached to a role, in every template, followed into the parent. */
        public List<JsonNode> statementsOfRole(String roleLogicalId) {
            return allJson().stream().flatMap(t -> t.statementsOfRole(roleLogicalId).stream().map(t::inParent)).toList();
        }

        /** Every statement of every policy in every template, followed into the parent. */
        public List<JsonNode> policyStatements() {
            return allJson().stream().flatMap(t -> t.policyStatements().stream().map(t::inParent)).toList();
        }

        /**
         * The logical ids, in {@code family}'s nested template, of what every {@code GetAtt} of that nested stack's
         * outputs anywhere inside {@code node} (a parent template's value) names.
         */
        public java.util.Set<String> nestedIds(String family, JsonNode node) {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            if (node.isObject() && node.path("Fn::GetAtt").isArray()
                    && functions(family).stackResourceId().equals(node.path("Fn::GetAtt").path(0).asText())) {
                ids.add(nestedId(family, node));
            }
            node.forEach(child -> ids.addAll(nestedIds(family, child)));
            return ids;
        }

        /**
         * The logical id, in {@code family}'s nested template, of what a parent template's reference names: the
         * reference must be a {@code GetAtt} of an output of that family's nested stack, and the output's value a
         * reference in the nested template.
         */
        public String nestedId(String family, JsonNode reference) {
            TemplateJson nested = functions(family);
            JsonNode getAtt = reference.path("Fn::GetAtt");
            if (!getAtt.isArray() || !nested.stackResourceId().equals(getAtt.path(0).asText())
                    || !getAtt.path(1).asText().startsWith("Outputs.")) {
                throw new AssertionError("not an output of the " + family + " nested stack: " + reference);
            }
            String output = getAtt.path(1).asText().substring("Outputs.".length());
            JsonNode value = nested.root().path("Outputs").path(output).path("Value");
            if (value.isMissingNode()) {
                throw new AssertionError("the " + family + " nested stack has no output " + output);
            }
            return TemplateJson.referencedId(value);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() { };
}
