package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.shared.auth.Permission;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant isolation across every family, route by route, through the gateway, identity's authorizer and the real
 * function jars. The routes come from the merged OpenAPI document the stack serves, so a route any family adds
 * later is covered without touching this test. Workspace B holds one of each resource; workspace A's owner (with
 * an access token, and with an API key holding every scope) then
 * <ul>
 *   <li>calls every route of B: each is refused, and the answer carries nothing of B;</li>
 *   <li>calls every route of A that names a resource, with B's resource ids: none of them finds B's resource;</li>
 * </ul>
 * and afterwards B's resources read exactly as before.
 */
@SharedLocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceIsolationEndToEndTest {
    private static final String B_NAME = "Bravo Secret Projects";
    private static final String B_DOMAIN = "bravo-secret-isolation.io";
    private static final String B_CONTACT = "bravo.lead@secret-isolation.io";
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private LocalStack stack;
    private StackAccounts accounts;
    private String bToken;
    private String b;
    private final Map<String, String> bIds = new HashMap<>();
    private final Map<String, String> bPaths = new LinkedHashMap<>();
    private Map<String, String> bBefore;

    @BeforeAll
    void start(LocalStack shared) throws Exception {
        stack = shared;
        accounts = new StackAccounts(stack.apiBaseUrl());
        bToken = "Bearer " + accounts.signUpAndLogIn(B_NAME);
        b = accounts.workspaceOf(bToken.substring("Bearer ".length()));
        fillWorkspaceB();
    }

    /** One of each resource in B, and how each reads before anyone else tries anything. */
    private void fillWorkspaceB() throws Exception {
        String ws = "/v1/workspaces/" + b;
        accounts.expect(201, "POST", ws + "/domains", "{\"name\":\"" + B_DOMAIN + "\"}", bToken);
        bIds.put("domain", B_DOMAIN);
        bIds.put("contactId", accounts.expect(201, "POST", ws + "/contacts",
                "{\"email\":\"" + B_CONTACT + "\",\"company\":\"" + B_NAME + "\"}", bToken).get("id").asText());
        accounts.expect(201, "PUT", ws + "/contact-fields/seats", "{\"type\":\"number\"}", bToken);
        bIds.put("fieldName", "seats");
        bIds.put("listId", accounts.expect(201, "POST", ws + "/lists", "{\"name\":\"" + B_NAME + " list\"}", bToken)
                .get("id").asText());
        bIds.put("segmentId", accounts.expect(201, "POST", ws + "/segments", """
                {"name":"%s segment","definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["x"]}]}}
                """.formatted(B_NAME), bToken).get("id").asText());
        bIds.put("suppressionId", accounts.expect(201, "POST", ws + "/suppressions",
                "{\"email\":\"blocked@secret-isolation.io\",\"reason\":\"manual\"}", bToken).get("id").asText());
        bIds.put("importId", accounts.expect(201, "POST", ws + "/contact-imports",
                "{\"format\":\"csv\",\"sizeBytes\":100}", bToken).at("/contactImport/id").asText(null));
        bIds.put("campaignId", accounts.expect(201, "POST", ws + "/campaigns", """
                {"name":"%s campaign","sequence":[{"variants":[{"name":"A","weight":1,"subject":"Hi","html":"<p>%s</p>"}]}]}
                """.formatted(B_NAME, B_NAME), bToken).get("id").asText());
        bIds.put("keyId", accounts.expect(201, "POST", ws + "/api-keys",
                "{\"name\":\"B key\",\"scopes\":[\"workspace:read\"]}", bToken).at("/apiKey/id").asText());

        bPaths.put("workspace", ws);
        bPaths.put("domain", ws + "/domains/" + B_DOMAIN);
        bPaths.put("contact", ws + "/contacts/" + bIds.get("contactId"));
        bPaths.put("list", ws + "/lists/" + bIds.get("listId"));
        bPaths.put("segment", ws + "/segments/" + bIds.get("segmentId"));
        bPaths.put("suppressions", ws + "/suppressions");
        bPaths.put("fields", ws + "/contact-fields");
        bPaths.put("import", ws + "/contact-imports/" + bIds.get("importId"));
        bPaths.put("api keys", ws + "/api-keys");
        bPaths.put("campaign", ws + "/campaigns/" + bIds.get("campaignId"));
        bBefore = readB();
    }

    @Test
    void noCallerOfAnotherWorkspaceReachesOrChangesAnythingOfWorkspaceB() throws Exception {
        List<String[]> operations = documentedWorkspaceOperations();
        assertThat(operations).as("workspace routes of every family in the merged document").hasSizeGreaterThan(60);
        assertThat(bIds.get("importId")).as("B's import").isNotBlank();

        String aToken = "Bearer " + accounts.signUpAndLogIn("Alpha Attackers");
        String a = accounts.workspaceOf(aToken.substring("Bearer ".length()));
        String allScopes = Arrays.stream(Permission.values()).flatMap(p -> p.scope().stream()).distinct()
                .map(s -> "\"" + s + "\"").reduce((x, y) -> x + "," + y).orElseThrow();
        String aKey = "Bearer " + accounts.expect(201, "POST", "/v1/workspaces/" + a + "/api-keys",
                "{\"name\":\"all scopes\",\"scopes\":[" + allScopes + "]}", aToken).get("key").asText();

        List<String> leaks = new ArrayList<>();
        for (String[] operation : operations) {
            String method = operation[0];
            String template = operation[1];
            for (String caller : List.of(aToken, aKey)) {
                HttpResponse<String> intoB = call(operation, fill(template, b), caller);
                if (!List.of(403, 404).contains(intoB.statusCode()) || mentionsB(intoB.body())) {
                    leaks.add(method + " " + template + " into B -> " + intoB.statusCode() + " " + intoB.body());
                }
            }
            if (namesAResource(template)) {
                HttpResponse<String> withBIds = call(operation, fill(template, a), aToken);
                boolean refused = method.equals("GET") || method.equals("DELETE")
                        ? withBIds.statusCode() == 404
                        : withBIds.statusCode() >= 400 && withBIds.statusCode() < 500;
                if (!refused || mentionsB(withBIds.body())) {
                    leaks.add(method + " " + template + " in A with B's ids -> " + withBIds.statusCode() + " "
                            + withBIds.body());
                }
            }
        }

        assertThat(leaks).as("calls that reached workspace B").isEmpty();
        assertThat(readB()).as("B's resources after every call").isEqualTo(bBefore);
    }

    private Map<String, String> readB() {
        Map<String, String> reads = new LinkedHashMap<>();
        bPaths.forEach((what, path) -> reads.put(what, read(path)));
        return reads;
    }

    /** B's own view of {@code path}, without the fields that change on reading (an API key's last use). */
    private String read(String path) {
        try {
            JsonNode body = accounts.expect(200, "GET", path, null, bToken);
            return body.toString().replaceAll("\"lastUsedAt\":\"[^\"]*\"", "");
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** Sends an empty body of the operation's documented content type (JSON when it documents none). */
    private HttpResponse<String> call(String[] operation, String path, String authorization) throws Exception {
        String contentType = operation[2];
        String body = contentType == null ? null : contentType.contains("json") ? "{}" : "name\n";
        return accounts.send(operation[0], path, body, contentType, authorization);
    }

    private static boolean namesAResource(String template) {
        return PARAMETER.matcher(template.replace("{workspaceId}", "")).find();
    }

    /** Whether an answer shows something of B that the caller did not send (B's domain name is in some paths). */
    private static boolean mentionsB(String body) {
        return body.contains(B_NAME) || body.contains(B_CONTACT) || body.contains("blocked@secret-isolation");
    }

    /** {@code template} with the workspace and B's ids (a made-up id where B has none of that kind). */
    private String fill(String template, String workspace) {
        Matcher parameter = PARAMETER.matcher(template.replace("{workspaceId}", workspace));
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, bIds.getOrDefault(parameter.group(1), "zz_made_up_id"));
        }
        return parameter.appendTail(path).toString();
    }

    /** Method, path and request content type of every operation under {@code /v1/workspaces/{workspaceId}} in the served document. */
    private List<String[]> documentedWorkspaceOperations() throws Exception {
        JsonNode document = new YAMLMapper().readTree(accounts.send("GET", "/openapi.yml", null, null).body());
        List<String[]> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/v1/workspaces/{workspaceId}")) {
                path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        JsonNode content = method.getValue().at("/requestBody/content");
                        String contentType = content.isObject() && content.fieldNames().hasNext()
                                ? content.fieldNames().next()
                                : Set.of("post", "put", "patch").contains(method.getKey()) ? "application/json" : null;
                        operations.add(new String[] {method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                                contentType});
                    }
                });
            }
        });
        return operations;
    }
}
