package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.http.LocalAuthorizer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Identity's authorizer as API Gateway runs it, through the local stack and the real identity jar: the
 * payload 2.0 REQUEST event, answers cached per Authorization header, 401/403 from the gateway itself for a
 * missing or malformed header, and problem+json from the function for a credential that stopped working.
 */
@SharedLocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizerEndToEndTest {
    private static final ObjectMapper JSON = StackAccounts.JSON;
    private LocalStack stack;
    private StackAccounts accounts;

    @BeforeAll
    void start(LocalStack shared) {
        stack = shared;
        accounts = new StackAccounts(stack.apiBaseUrl());
    }

    @Test
    void oneCachedAnswerServesTwoWorkspacesWithoutLettingTheTokenIntoTheOneItIsNotAMemberOf() throws Exception {
        String mine = workspaceOf(signUpAndLogIn());
        String accessToken = signUpAndLogIn();
        String theirs = workspaceOf(accessToken);
        LocalAuthorizer authorizer = stack.authorizer().orElseThrow();
        long before = authorizer.invocations();

        HttpResponse<String> own = send("GET", "/v1/workspaces/" + theirs, null, "Bearer " + accessToken);
        HttpResponse<String> other = send("GET", "/v1/workspaces/" + mine, null, "Bearer " + accessToken);

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        assertThat(other.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(own.body()).contains("Ada's Agency");
        assertThat(other.body()).as("nothing of the other workspace but the id the caller sent")
                .doesNotContain("Ada's Agency").doesNotContain("\"name\"");
        assertThat(authorizer.invocations() - before).as("the second request was answered from the cache").isEqualTo(1);
    }

    @Test
    void aMissingHeaderIs401AndAMalformedOne403FromTheGatewayItself() throws Exception {
        HttpResponse<String> missing = send("GET", "/v1/me", null, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");

        HttpResponse<String> malformed = send("GET", "/v1/me", null, "Basic dXNlcjpwYXNz");
        assertThat(malformed.statusCode()).isEqualTo(403);
        assertThat(malformed.body()).isEqualTo("{\"message\":\"Forbidden\"}");

        HttpResponse<String> unknownToken = send("GET", "/v1/me", null, "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
        assertThat(unknownToken.statusCode()).isEqualTo(401);
        assertThat(unknownToken.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void aRevokedKeyIs401ProblemJson() throws Exception {
        String accessToken = signUpAndLogIn();
        String workspace = workspaceOf(accessToken);
        HttpResponse<String> created = send("POST", "/v1/workspaces/" + workspace + "/api-keys",
                "{\"name\":\"CRM sync\",\"scopes\":[\"workspace:read\"]}", "Bearer " + accessToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String apiKey = key.get("key").asText();
        HttpResponse<String> revoke = send("DELETE", "/v1/workspaces/" + workspace + "/api-keys/"
                + key.at("/apiKey/id").asText(), null, "Bearer " + accessToken);
        assertThat(revoke.statusCode()).as(revoke.body()).isBetween(200, 204);

        HttpResponse<String> refused = send("GET", "/v1/workspaces/" + workspace, null, "Bearer " + apiKey);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("revoked");
    }

    private String signUpAndLogIn() throws Exception {
        return accounts.signUpAndLogIn("Ada's Agency");
    }

    private String workspaceOf(String accessToken) throws Exception {
        return accounts.workspaceOf(accessToken);
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        return accounts.send(method, path, json, authorization);
    }
}
