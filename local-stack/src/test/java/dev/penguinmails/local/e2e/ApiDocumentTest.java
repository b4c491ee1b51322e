package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.penguinmails.emulators.NodeRuntime;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document that the local stack serves at {@code /openapi.yml}, checked as a client
 * generator would read it: Redocly's recommended rules pass, every operation has a unique name of its own,
 * its declared security is what the route really does, and its patterns mean the same in Java and JavaScript.
 * It covers every family in the topology, so a new family is checked without a test of its own.
 */
@SharedLocalStack
class ApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** camelCase; micronaut-openapi's made-up names for operations without an operationId are numbered ({@code list_1}). */
    private static final Pattern HAND_WRITTEN_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static LocalStack stack;
    private static JsonNode document;
    private static Path documentFile;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(LocalStack shared) throws Exception {
        stack = shared;
        String yaml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stack.openApiUrl()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        documentFile = Files.createDirectories(Path.of("target")).resolve("openapi-merged.yml");
        Files.writeString(documentFile, yaml);
        document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }

    @Test
    void theMergedDocumentPassesRedoclysRecommendedRules() throws Exception {
        NodeRuntime node = NodeRuntime.locate();
        Path cli = node.module("@redocly/cli", "bin/cli.js");
        assertThat(cli).as("Redocly CLI is a devDependency in package.json; run npm ci").exists();
        Path config = FixtureAccess.projectRoot().resolve("redocly.yaml");

        String output = run(List.of(node.node().toString(), cli.toString(), "lint", "--format=json",
                "--config=" + config, documentFile.toAbsolutePath().toString()));
        JsonNode report = JSON.readTree(output.substring(output.indexOf('{')));

        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.path("severity").asText() + " " + p.path("ruleId").asText()
                + ": " + p.path("message").asText() + " at " + p.path("location").path(0).path("pointer").asText()));
        assertThat(problems).as("explain a warning in redocly.yaml, or fix it").isEmpty();
        assertThat(report.path("totals").path("errors").asInt(-1)).isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1)).isZero();
    }

    @Test
    void everyOperationHasAUniqueNameOfItsOwn() {
        Map<String, String> byName = new HashMap<>();
        operations().forEach(op -> {
            String name = op.operation().path("operationId").asText("");
            assertThat(name).as("operationId of %s", op).matches(HAND_WRITTEN_NAME);
            String other = byName.putIfAbsent(name, op.toString());
            assertThat(other).as("%s and %s share the operationId %s", other, op, name).isNull();
        });
        assertThat(byName).containsKeys("createWorkspace", "listApiKeys", "acceptInvitation", "signUp");
    }

    @Test
    void declaredSecurityIsWhatTheRouteDoesForACallerWithoutCredentials() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Operation op : operations()) {
            boolean declaredAnonymous = anonymousAllowed(op.operation().path("security"));
            HttpResponse<String> response = sendWithoutCredentials(op);
            boolean refused = response.statusCode() == 401;
            if (declaredAnonymous == refused) {
                mismatches.add(op + " declares " + op.operation().path("security") + " but answers "
                        + response.statusCode() + " without credentials: " + response.body());
            }
        }
        assertThat(mismatches).isEmpty();
        JsonNode accept = document.path("paths").path("/v1/invitations/accept").path("post");
        assertThat(anonymousAllowed(accept.path("security"))).as("accepting an invitation is public").isTrue();
    }

    @Test
    void everyPatternMeansTheSameInJavaAndJavaScript() throws Exception {
        List<String> patterns = new ArrayList<>();
        collectPatterns(document, patterns);
        assertThat(patterns).as("the document has patterns to check").isNotEmpty();
        for (String pattern : patterns) {
            // Jakarta's @Pattern matches the whole value; an OpenAPI pattern matches anywhere unless anchored.
            assertThat(pattern).as("anchored, so JavaScript tests the whole value as Java does").startsWith("^").endsWith("$");
            Pattern.compile(pattern);
        }
        NodeRuntime node = NodeRuntime.locate();
        String script = "const bad = JSON.parse(process.argv[1]).filter(p => { try { new RegExp(p, 'u'); return false; }"
                + " catch (e) { return true; } }); console.log(JSON.stringify(bad));";
        String rejected = run(List.of(node.node().toString(), "-e", script, JSON.writeValueAsString(patterns))).strip();
        assertThat(rejected).as("patterns that ECMA-262 rejects").isEqualTo("[]");
    }

    private record Operation(String method, String path, JsonNode operation) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
                }
            });
        }
        assertThat(operations).as("the document has operations").hasSizeGreaterThan(10);
        return operations;
    }

    /** Whether a security list lets a caller without credentials in: none, or an empty requirement among them. */
    private static boolean anonymousAllowed(JsonNode security) {
        assertThat(security.isArray()).as("security is declared explicitly").isTrue();
        if (security.isEmpty()) {
            return true;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** An empty JSON object as the body: no route accepts it, so nothing is written. */
    private HttpResponse<String> sendWithoutCredentials(Operation op) throws Exception {
        String path = op.path().replaceAll("\\{[^}]+}", "x1");
        boolean body = !op.method().equals("get") && !op.method().equals("delete");
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .header("Content-Type", "application/json")
                .method(op.method().toUpperCase(Locale.ROOT), body ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void collectPatterns(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    into.add(field.getValue().asText());
                } else {
                    collectPatterns(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectPatterns(child, into));
        }
    }

    /** Runs a command and returns its standard output; its error output is kept for the failure message. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("apidoc", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(1)).isTrue();
            assertThat(out).as("output of %s; its errors: %s", command, Files.readString(errors)).isNotBlank();
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
