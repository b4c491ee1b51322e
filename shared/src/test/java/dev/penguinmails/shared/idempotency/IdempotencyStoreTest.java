package dev.penguinmails.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.testsupport.MutableClock;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Claims, leases and expiry of idempotency records, against dynalite with a hand-moved clock. */
@Tag("integration")
class IdempotencyStoreTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration TTL = Duration.ofHours(24);
    private static final String SCOPE = "usr_1\nPOST\n/v1/things";
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":\"t_1\"}".getBytes(StandardCharsets.UTF_8), "/v1/things/t_1");
    private static DynamoDbClient dynamo;
    private static String table;
    private MutableClock clock;
    private IdempotencyStore store;
    private String key;

    @BeforeAll
    static void dynalite() {
        ProvisionedStack stack = TestAws.freshStack();
        table = stack.tableName(PenguinMailsTopology.IDENTITY);
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(stack.property(ConfigKeys.endpoint("dynamodb"))))
                .region(Region.of(stack.property(ConfigKeys.REGION)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @BeforeEach
    void store() {
        clock = new MutableClock(Instant.now());
        store = new IdempotencyStore(dynamo, table, LEASE, TTL, clock);
        key = UUID.randomUUID().toString();
    }

    @Test
    void theFirstClaimWinsAndTheAnswerIsKeptForReplay() {
        Claim first = store.claim(SCOPE, key, "hash-1");
        assertThat(first).isInstanceOf(Claim.Acquired.class);
        assertThat(store.claim(SCOPE, key, "hash-1")).isInstanceOf(Claim.InProgress.class);

        store.complete(SCOPE, key, ((Claim.Acquired) first).token(), "hash-1", CREATED);

        assertThat(store.claim(SCOPE, key, "hash-1")).isEqualTo(new Claim.Completed(CREATED));
        assertThat(store.claim(SCOPE, key, "hash-2")).isInstanceOf(Claim.Mismatch.class);
        assertThat(store.claim("usr_2\nPOST\n/v1/things", key, "hash-2")).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void concurrentClaimsHaveExactlyOneWinner() throws Exception {
        int contenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return store.claim(SCOPE, key, "hash-1");
                }));
            }
            start.countDown();
            List<Claim> results = new ArrayList<>();
            for (Future<Claim> claim : claims) {
                results.add(claim.get());
            }

            assertThat(results).filteredOn(Claim.Acquired.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Claim.InProgress.class::isInstance).hasSize(contenders - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimWhoseLeaseRanOutCanBeTakenOverAndTheOldOwnerCannotOverwriteIt() {
        Claim.Acquired crashed = (Claim.Acquired) store.claim(SCOPE, key, "hash-1");
        clock.advance(LEASE.plusSeconds(1));

        Claim.Acquired takeover = (Claim.Acquired) store.claim(SCOPE, key, "hash-1");
        store.complete(SCOPE, key, crashed.token(), "hash-1", new StoredResponse(200, null, new byte[0], java.util.Map.of()));

        assertThat(takeover.token()).isNotEqualTo(crashed.token());
        assertThat(store.claim(SCOPE, key, "hash-1")).isInstanceOf(Claim.InProgress.class);
        store.complete(SCOPE, key, takeover.token(), "hash-1", CREATED);
        assertThat(store.claim(SCOPE, key, "hash-1")).isEqualTo(new Claim.Completed(CREATED));
    }

    @Test
    void recordsPastTheirExpiryCountAsAbsent() {
        Claim.Acquired first = (Claim.Acquired) store.claim(SCOPE, key, "hash-1");
        store.complete(SCOPE, key, first.token(), "hash-1", CREATED);

        clock.advance(TTL.plusSeconds(1));

        assertThat(store.claim(SCOPE, key, "hash-2")).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void aReleasedClaimLetsTheNextRequestRun() {
        Claim.Acquired first = (Claim.Acquired) store.claim(SCOPE, key, "hash-1");

        store.release(SCOPE, key, first.token());

        assertThat(store.claim(SCOPE, key, "hash-1")).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void anEmptyBodyRoundTrips() {
        Claim.Acquired first = (Claim.Acquired) store.claim(SCOPE, key, "hash-1");
        StoredResponse noContent = new StoredResponse(204, null, new byte[0], java.util.Map.of());

        store.complete(SCOPE, key, first.token(), "hash-1", noContent);

        assertThat(store.claim(SCOPE, key, "hash-1")).isEqualTo(new Claim.Completed(noContent));
    }
}
