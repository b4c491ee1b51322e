package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.pages.LinkPages;
import dev.penguinmails.testsupport.TestAws;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wiring, end to end, with the real handlers from the real identity jar: signup over HTTP stores the
 * account and publishes account.signed_up, the rule routes it to the identity-emails queue, the poller
 * hands it to the email consumer, SES v2 sends it, and it arrives in GreenMail. Its link opens a page of
 * the local stack, on the port the stack really listens on, and that page's API call verifies the address,
 * as a new user clicking through from the sent-mail viewer would.
 */
@SharedLocalStack
class SignupEndToEndTest {
    private static final Pattern LINK = Pattern.compile("(http://[^\\s\"<>#]+)#token=([A-Za-z0-9_%\\-]+)");
    private static final Pattern TOKEN_FORM = Pattern.compile("<form data-endpoint=\"([^\"]+)\" data-token");
    private static final Pattern ANY_FORM = Pattern.compile("<form data-endpoint=\"([^\"]+)\"");
    private static LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(LocalStack shared) {
        stack = shared;
    }

    @Test
    void signupSendsAVerificationEmailWhoseLinkVerifiesTheAddress() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> signup = post("/v1/signup", """
                {"email":"%s","password":"violet-tractor-sings-Quarterly-42","name":"Erin Example","workspaceName":"Erin's Agency"}
                """.formatted(email));
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);

        List<MimeMessage> mail = TestAws.mailbox().awaitMessagesTo(email, 1, Duration.ofSeconds(60));
        String body = StackAccounts.text(mail.get(0));
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a link with a token in: %s", body).isTrue();
        assertThat(link.group(1)).as("the link opens this stack's page").isEqualTo(stack.apiBaseUrl() + "/verify-email");
        String token = URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);

        // A browser requests the page without the fragment; the page's script reads the token from it and posts it.
        HttpResponse<String> page = get(link.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        Matcher form = TOKEN_FORM.matcher(page.body());
        assertThat(form.find()).as("a form that posts the token, in: %s", page.body()).isTrue();
        assertThat(get(stack.apiBaseUrl() + LinkPages.ASSETS + "link-page.js").body()).contains("location.hash");

        HttpResponse<String> verify = post(form.group(1), "{\"token\":\"" + token + "\"}");
        assertThat(verify.statusCode()).as(verify.body()).isBetween(200, 204);
        HttpResponse<String> again = post(form.group(1), "{\"token\":\"" + token + "\"}");
        assertThat(again.statusCode()).as("a used token is refused").isBetween(400, 410);
        assertThat(again.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        HttpResponse<String> login = post("/v1/auth/login", """
                {"email":"%s","password":"violet-tractor-sings-Quarterly-42"}
                """.formatted(email));
        assertThat(login.body()).as("the account is verified").contains("\"emailVerified\":true");
    }

    @Test
    void everyEmailLinkPageCallsAnOperationTheApiDocuments() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(get(stack.openApiUrl().toString()).body()).path("paths");
        for (String page : List.of("/verify-email", "/confirm-email-change", "/reset-password", "/accept-invitation")) {
            HttpResponse<String> response = get(stack.apiBaseUrl() + page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            Matcher form = ANY_FORM.matcher(response.body());
            assertThat(form.find()).as("%s posts to the API", page).isTrue();
            do {
                assertThat(paths.path(form.group(1)).has("post")).as("%s posts to %s, an operation of the API",
                        page, form.group(1)).isTrue();
            } while (form.find());
        }
    }

    @Test
    void anUnknownRouteIsAProblemNotAStackTrace() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/v1/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("https://penguinmails.dev/problems/");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
