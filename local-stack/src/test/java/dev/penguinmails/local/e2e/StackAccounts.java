package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Talks to a running local stack's API as a customer would: signs up, verifies by the emailed link, logs in. */
final class StackAccounts {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");
    private static final String PASSWORD = "violet-tractor-sings-Quarterly-42";

    private final java.net.URI apiBaseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    StackAccounts(java.net.URI apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    /** A new verified account whose workspace is called {@code workspaceName}; returns its access token. */
    String signUpAndLogIn(String workspaceName) throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> signup = send("POST", "/v1/signup", """
                {"email":"%s","password":"%s","name":"Ada Example","workspaceName":"%s"}
                """.formatted(email, PASSWORD, workspaceName), null);
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
    String workspaceOf(String accessToken) throws Exception {
        HttpResponse<String> list = send("GET", "/v1/workspaces", null, "bearer " + accessToken);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body()).at("/items/0/id").asText();
    }

    /** Sends {@code json} (or nothing) with {@code authorization} (or none). */
    HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        return send(method, path, json, "application/json", authorization);
    }

    /** Sends {@code body} (or nothing) as {@code contentType}, with {@code authorization} (or none). */
    HttpResponse<String> send(String method, String path, String body, String contentType, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBaseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and expects {@code status}; the answer's JSON. */
    JsonNode expect(int status, String method, String path, String json, String authorization) throws Exception {
        HttpResponse<String> reply = send(method, path, json, authorization);
        assertThat(reply.statusCode()).as("%s %s: %s", method, path, reply.body()).isEqualTo(status);
        return reply.body().isEmpty() ? JSON.nullNode() : JSON.readTree(reply.body());
    }

    /** The text of a message: its text parts, joined. */
    static String text(Part part) throws Exception {
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
