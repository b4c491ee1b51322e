package dev.penguinmails.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The binder through the Lambda path: the context arrives on the payload 2.0 event (put there by
 * test-support's stand-in for API Gateway, as other families' tests do it) and decides the request.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizerContextFilterTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(BinderTestController.ENABLED, "true", AuthorizerContextInjection.ENABLED, "true",
                "penguinmails.stage", "test");
    }

    private Reply get(String path, AuthorizerContext context) {
        TestHttp http = new TestHttp(server.getURL());
        return context == null ? http.get(path)
                : http.get(path, AuthorizerContextInjection.HEADER, AuthorizerContextInjection.header(context.toMap()));
    }

    @Test
    void theInjectedContextArrivesOnTheEvent() {
        Reply echo = get("/v1/_binder-test/echo", AuthorizerContext.throttled(7, "Too many."));
        assertThat(echo.json().get("context").asText()).as(echo.body()).contains("THROTTLED");
    }

    @Test
    void aMemberIsServedAndTheSameContextFindsNoOtherWorkspace() {
        AuthorizerContext member = AuthorizerContext.user("usr_1", "ses_1", true, Instant.now().getEpochSecond() + 600,
                Map.of("ws_a", new Membership(Role.ADMIN, false)));

        Reply own = get("/v1/_binder-test/workspaces/ws_a", member);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("role").asText()).isEqualTo("admin");
        assertThat(own.json().get("principal").asText()).isEqualTo("usr_1");

        Reply other = get("/v1/_binder-test/workspaces/ws_b", member);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemSlug()).isEqualTo("not-found");
    }

    @Test
    void withoutAContextAGuardedRouteFailsClosed() {
        Reply reply = get("/v1/_binder-test/workspaces/ws_a", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void refusedVerdictsAnswerAsProblems() {
        Reply expired = get("/v1/_binder-test/workspaces/ws_a", AuthorizerContext.user("usr_1", "ses_1", true,
                Instant.now().getEpochSecond() - 1, Map.of("ws_a", new Membership(Role.OWNER, false))));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").asText()).contains("expired");

        Reply throttled = get("/v1/_binder-test/workspaces/ws_a", AuthorizerContext.throttled(7, "Too many."));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).contains("7");
    }
}
