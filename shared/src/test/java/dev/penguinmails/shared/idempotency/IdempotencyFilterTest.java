package dev.penguinmails.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.shared.testing.TestPrincipalFilter;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency-Key through the real Lambda handler, with records in dynalite. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class IdempotencyFilterTest implements TestPropertyProvider {
    private static final String WIDGET = """
            {"name":"w","email":"a@example.com","quantity":1,"tags":[],"parts":[]}""";

    @Inject
    EmbeddedServer server;
    @Inject
    IdempotencyStore store;
    @Inject
    RequestFingerprints fingerprints;
    @Inject
    DynamoDbClient dynamo;
    TestHttp http;
    String table;

    @Override
    public Map<String, String> getProperties() {
        var stack = TestAws.freshStack();
        Map<String, String> properties = new HashMap<>(stack.properties());
        table = stack.tableName(PenguinMailsTopology.IDENTITY);
        properties.put(IdempotencyStore.TABLE_PROPERTY, table);
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

        Reply first = http.post("/test/widgets", WIDGET, "Idempotency-Key", key);
        Reply retry = http.post("/test/widgets", WIDGET, "Idempotency-Key", key);

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
        http.post("/test/widgets", WIDGET, "Idempotency-Key", key);

        Reply reused = http.post("/test/widgets", WIDGET.replace("\"w\"", "\"other\""), "Idempotency-Key", key);

        assertProblem(reused, 422, "idempotency-key-reused");
    }

    @Test
    void keysAreScopedToTheCallerAndThePath() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply alice = http.post("/test/widgets", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_alice");
        Reply bob = http.post("/test/widgets", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_bob");
        Reply otherPath = http.post("/test/rejecting", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_alice");

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

        Reply first = http.post("/test/rejecting", WIDGET, "Idempotency-Key", key);
        Reply retry = http.post("/test/rejecting", WIDGET, "Idempotency-Key", key);

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

        Reply first = http.post("/test/failing", WIDGET, "Idempotency-Key", key);
        Reply retry = http.post("/test/failing", WIDGET, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(500);
        assertThat(retry.status()).isEqualTo(500);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttled", "stale", "unavailable"})
    void answersThatSayNotNowAreNotStoredSoTheRetryRunsAgain(String outcome) {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply first = http.post("/test/outcomes/" + outcome, WIDGET, "Idempotency-Key", key,
                TestPrincipalFilter.HEADER, "usr_fay");
        Reply retry = http.post("/test/outcomes/" + outcome, WIDGET, "Idempotency-Key", key,
                TestPrincipalFilter.HEADER, "usr_fay");

        assertThat(first.status()).isIn(409, 429, 503);
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(ConventionsTestController.CREATED.get()).as("the retry ran").isEqualTo(before + 2);
        assertThat(record("usr_fay\nPOST\n/test/outcomes/" + outcome, key)).isEmpty();
    }

    @Test
    void aThrottledAnswerKeepsItsRetryAfter() {
        Reply first = http.post("/test/outcomes/throttled", WIDGET, "Idempotency-Key", newKey());

        assertProblem(first, 429, "rate-limited");
        assertThat(first.header("Retry-After")).hasValue("3");
    }

    @Test
    void aConflictCausedByStateIsFinalAndReplayed() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply first = http.post("/test/outcomes/duplicate", WIDGET, "Idempotency-Key", key);
        Reply retry = http.post("/test/outcomes/duplicate", WIDGET, "Idempotency-Key", key);

        assertProblem(first, 409, "conflict");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 1);
    }

    @Test
    void aReplayKeepsTheHeadersAClientActsOn() {
        String key = newKey();

        Reply first = http.post("/test/outcomes/accepted", WIDGET, "Idempotency-Key", key);
        Reply retry = http.post("/test/outcomes/accepted", WIDGET, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        for (String name : new String[] {"Location", "Retry-After", "ETag"}) {
            assertThat(retry.header(name)).as(name).isPresent().isEqualTo(first.header(name));
        }
        assertThat(retry.header("X-Internal")).as("only the headers clients act on are kept").isEmpty();
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIs409() {
        String key = newKey();
        String hash = fingerprints.of(WIDGET.getBytes(StandardCharsets.UTF_8));
        assertThat(store.claim("usr_carol\nPOST\n/test/widgets", key, hash)).isInstanceOf(Claim.Acquired.class);
        int before = ConventionsTestController.CREATED.get();

        Reply concurrent = http.post("/test/widgets", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_carol");

        assertProblem(concurrent, 409, "idempotency-request-in-progress");
        assertThat(concurrent.header("Retry-After")).hasValue("1");
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before);
    }

    @Test
    void keysMustBeOneTo255Characters() {
        assertProblem(http.post("/test/widgets", WIDGET, "Idempotency-Key", "k".repeat(256)), 400, "invalid-idempotency-key");
        assertProblem(http.post("/test/widgets", WIDGET, "Idempotency-Key", ""), 400, "invalid-idempotency-key");
        assertThat(http.post("/test/widgets", WIDGET, "Idempotency-Key", "k".repeat(255)).status()).isEqualTo(201);
    }

    @Test
    void requestsWithoutAKeyAreNotIdempotent() {
        int before = ConventionsTestController.CREATED.get();

        http.post("/test/widgets", WIDGET);
        Reply second = http.post("/test/widgets", WIDGET);

        assertThat(second.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 2);
    }

    @Test
    void routesThatHandOutCredentialsIgnoreTheKeyStoreNothingAndNeverReplay() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply first = http.post("/test/credentials", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_dave");
        Reply retry = http.post("/test/credentials", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_dave");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(retry.json().get("name").asText()).isNotEqualTo(first.json().get("name").asText());
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 2);
        assertThat(record("usr_dave\nPOST\n/test/credentials", key)).as("no idempotency record").isEmpty();
    }

    @Test
    void requestBodiesAreStoredOnlyAsAKeyedHashNeverAPlainSha256() {
        String key = newKey();
        byte[] body = WIDGET.getBytes(StandardCharsets.UTF_8);

        assertThat(http.post("/test/widgets", WIDGET, "Idempotency-Key", key, TestPrincipalFilter.HEADER, "usr_erin")
                .status()).isEqualTo(201);

        Map<String, AttributeValue> stored = record("usr_erin\nPOST\n/test/widgets", key);
        assertThat(stored).isNotEmpty();
        String requestHash = stored.get("requestHash").s();
        assertThat(requestHash).isEqualTo(fingerprints.of(body))
                .isNotEqualTo(IdempotencyStore.sha256(body));
        assertThat(new RequestFingerprints("another-secret-that-is-long-enough-for-hmac").of(body)).isNotEqualTo(requestHash);
    }

    @Test
    void anonymousCallersShareNoKeysAcrossAddresses() {
        String key = newKey();
        int before = ConventionsTestController.CREATED.get();

        Reply victim = http.post("/test/widgets", WIDGET, "Idempotency-Key", key, "X-Forwarded-For", "198.51.100.7");
        Reply poisoner = http.post("/test/widgets", WIDGET.replace("\"w\"", "\"evil\""), "Idempotency-Key", key,
                "X-Forwarded-For", "203.0.113.9");
        Reply victimRetry = http.post("/test/widgets", WIDGET, "Idempotency-Key", key, "X-Forwarded-For", "198.51.100.7");

        assertThat(victim.status()).isEqualTo(201);
        // Another address neither collides (422) with the first key nor gets its stored answer.
        assertThat(poisoner.status()).isEqualTo(201);
        assertThat(poisoner.header(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
        assertThat(victimRetry.header(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
        assertThat(victimRetry.body()).isEqualTo(victim.body());
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before + 2);
    }

    /** The stored record of {@code key} in {@code scope}, read straight from the table (empty if none). */
    private Map<String, AttributeValue> record(String scope, String key) {
        Map<String, AttributeValue> id = Map.of("pk", AttributeValue.fromS("IDEMPOTENCY#" + IdempotencyStore.sha256(scope + "\n" + key)),
                "sk", AttributeValue.fromS("IDEMPOTENCY"));
        return dynamo.getItem(r -> r.tableName(table).key(id).consistentRead(true)).item();
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
