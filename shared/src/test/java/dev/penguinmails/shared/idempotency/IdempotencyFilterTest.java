package dev.penguinmails.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.shared.testing.TestHttp;
import dev.penguinmails.shared.testing.TestHttp.Reply;
import dev.penguinmails.shared.testing.TestPrincipalFilter;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Idempotency-Key through the real Lambda handler, with records in dynalite. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyFilterTest implements TestPropertyProvider {
    private static final String WIDGET = """
            {"name":"w","email":"a@example.com","quantity":1,"tags":[],"parts":[]}""";

    @Inject
    EmbeddedServer server;
    @Inject
    IdempotencyStore store;
    TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        var stack = TestAws.freshStack();
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put(IdempotencyStore.TABLE_PROPERTY, stack.tableName(PenguinMailsTopology.IDENTITY));
        properties.put(ConventionsTestController.ENABLED, "true");
        return properties;
    }

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheStoredAnswerAndTheHandlerRunsOnce() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply first = http.postJson("/test/widgets", WIDGET, "Idempotency-Key", key);
        Reply retry = http.postJson("/test/widgets", WIDGET, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(retry.header("Location")).isPresent().isEqualTo(first.header("Location"));
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = newKey();
        http.postJson("/test/widgets", WIDGET, "Idempotency-Key", key);

        Reply reused = http.postJson("/test/widgets", WIDGET.replace("\"w\"", "\"other\""), "Idempotency-Key", key);

        assertProblem(reused, 422, "idempotency-key-reused");
    }

    @Test
    void keysAreScopedToTheCallerAndThePath() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply alice = http.postJson("/test/widgets", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_alice");
        Reply bob = http.postJson("/test/widgets", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_bob");
        Reply otherPath = http.postJson("/test/rejecting", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_alice");

        assertThat(alice.status()).isEqualTo(201);
        assertThat(bob.status()).isEqualTo(201);
        assertThat(bob.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(otherPath.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 3);
    }

    @Test
    void clientErrorsAreStoredAndReplayed() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply first = http.postJson("/test/rejecting", WIDGET, "Idempotency-Key", key);
        Reply retry = http.postJson("/test/rejecting", WIDGET, "Idempotency-Key", key);

        assertProblem(first, 422, "unprocessable");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 1);
    }

    @Test
    void serverErrorsAreNotStoredSoTheClientMayRetry() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply first = http.postJson("/test/failing", WIDGET, "Idempotency-Key", key);
        Reply retry = http.postJson("/test/failing", WIDGET, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(500);
        assertThat(retry.status()).isEqualTo(500);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 2);
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIs409() {
        String key = newKey();
        String hash = IdempotencyStore.sha256(WIDGET.getBytes(StandardCharsets.UTF_8));
        assertThat(store.claim("anonymous\nPOST\n/test/widgets", key, hash)).isInstanceOf(Claim.Acquired.class);
        int before = ConventionsTestController.CREATED.get();

        Reply concurrent = http.postJson("/test/widgets", WIDGET, "Idempotency-Key", key);

        assertProblem(concurrent, 409, "idempotency-request-in-progress");
        assertThat(concurrent.header("Retry-After")).hasValue("1");
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before);
    }

    @Test
    void keysMustBeOneTo255Characters() {
        assertProblem(http.postJson("/test/widgets", WIDGET, "Idempotency-Key", "k".repeat(256)), 400, "invalid-idempotency-key");
        assertProblem(http.postJson("/test/widgets", WIDGET, "Idempotency-Key", ""), 400, "invalid-idempotency-key");
        assertThat(http.postJson("/test/widgets", WIDGET, "Idempotency-Key", "k".repeat(255)).status()).isEqualTo(201);
    }

    @Test
    void requestsWithoutAKeyAreNotIdempotent() {
        int before = ConventionsTestController.CREATED.get();

        http.postJson("/test/widgets", WIDGET);
        Reply second = http.postJson("/test/widgets", WIDGET);

        assertThat(second.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 2);
    }

    private static void assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(reply.json().get("type").asText()).endsWith("/" + slug);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
