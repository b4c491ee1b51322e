package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.LocalStackOptions;
import dev.penguinmails.local.http.LocalAuthorizer;
import dev.penguinmails.testsupport.TestAws;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Identity's authorizer as API Gateway runs it, through the local stack and the real identity jar: the
 * payload 2.0 REQUEST event, answers cached per Authorization header, 401/403 from the gateway itself for a
 * missing or malformed header, and problem+json from the function for a credential that stopped working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizerEndToEndTest {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");
    private static final String PASSWORD = "violet-tractor-sings-Quarterly-42";
    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        stack = LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withLocalAws(TestAws.shared(), "authz-"));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.stop();
        }
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

    /** A new verified account; returns its access token. */
    private String signUpAndLogIn() throws Exception {
        String email = "authz-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> signup = send("POST", "/v1/signup", """
                {"email":"%s","password":"%s","name":"Ada Example","workspaceName":"Ada's Agency"}
                """.formatted(email, PASSWORD), null);
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
        String body = text(TestAws.mailbox().awaitMessagesTo(email, 1, Duration.ofSeconds(60)).get(0));
        Matcher token = TOKEN.matcher(body);
        assertThat(token.find()).as(body).isTrue();
        assertThat(send("POST", "/v1/auth/verify-email", "{\"token\":\"" + token.group(1) + "\"}", null).statusCode())
                .isBetween(200, 204);
        HttpResponse<String> login = send("POST", "/v1/auth/login",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asText();
    }

    /** The one workspace of a new account (fetched with another header value, so it leaves no cached answer). */
    private String workspaceOf(String accessToken) throws Exception {
        HttpResponse<String> list = send("GET", "/v1/workspaces", null, "bearer " + accessToken);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body()).at("/items/0/id").asText();
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        StringBuilder all = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return all.toString();
    }
}
