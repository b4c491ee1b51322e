package dev.penguinmails.events.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.events.EventIds;
import dev.penguinmails.testsupport.MutableClock;
import dev.penguinmails.testsupport.TestAws;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency records in DynamoDB (dynalite), with a hand-moved clock for leases and retention. */
@Tag("integration")
class ConsumedEventStoreTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static DynamoDbClient dynamo;
    private static String table;

    private MutableClock clock;
    private ConsumedEventStore store;
    private String eventId;

    @BeforeAll
    static void provision() {
        ProvisionedStack stack = TestAws.freshStack();
        dynamo = TestAws.shared().clients().dynamoDb();
        table = stack.tableName("identity");
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.now());
        store = new ConsumedEventStore(dynamo, table, clock);
        eventId = EventIds.next();
    }

    @Test
    void theFirstClaimWinsAndTheEventIsSkippedOnceDone() {
        Claim first = store.claim("emails", eventId, LEASE);
        assertThat(first).isInstanceOf(Claim.Acquired.class);
        assertThat(store.claim("emails", eventId, LEASE)).isInstanceOf(Claim.Busy.class);

        assertThat(store.markDone((Claim.Acquired) first)).isTrue();

        assertThat(store.claim("emails", eventId, LEASE)).isInstanceOf(Claim.AlreadyDone.class);
        assertThat(store.status("emails", eventId)).contains(ConsumedEventStore.DONE);
    }

    @Test
    void consumersKeepSeparateRecords() {
        store.markDone((Claim.Acquired) store.claim("emails", eventId, LEASE));
        assertThat(store.claim("analytics", eventId, LEASE)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void theItemHasTheDocumentedLayout() {
        store.markDone((Claim.Acquired) store.claim("emails", eventId, LEASE));

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("CONSUMED#emails#" + eventId), "sk", AttributeValue.fromS("-")))).item();

        assertThat(item.get("status").s()).isEqualTo("DONE");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isCloseTo(clock.instant().plus(Duration.ofDays(30)).getEpochSecond(), within(2L));
        assertThat(item).doesNotContainKey("leaseExpiresAt");
    }

    @Test
    void aClaimWhoseLeaseRanOutCanBeTakenOverAndItsHolderCanNoLongerFinish() {
        Claim.Acquired crashed = (Claim.Acquired) store.claim("emails", eventId, LEASE);
        clock.advance(LEASE.plusSeconds(1));

        Claim retry = store.claim("emails", eventId, LEASE);

        assertThat(retry).isInstanceOf(Claim.Acquired.class);
        assertThat(store.markDone(crashed)).isFalse();
        assertThat(store.status("emails", eventId)).contains(ConsumedEventStore.IN_PROGRESS);
        assertThat(store.markDone((Claim.Acquired) retry)).isTrue();
    }

    @Test
    void aReleasedClaimCanBeTakenAtOnce() {
        Claim.Acquired failed = (Claim.Acquired) store.claim("emails", eventId, LEASE);
        store.release(failed);
        assertThat(store.status("emails", eventId)).isEmpty();
        assertThat(store.claim("emails", eventId, LEASE)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void aStaleReleaseDoesNotRemoveTheNewHoldersClaim() {
        Claim.Acquired stale = (Claim.Acquired) store.claim("emails", eventId, LEASE);
        clock.advance(LEASE.plusSeconds(1));
        store.claim("emails", eventId, LEASE);

        store.release(stale);

        assertThat(store.status("emails", eventId)).contains(ConsumedEventStore.IN_PROGRESS);
    }

    @Test
    void recordsPastTheirExpiryCountAsAbsent() {
        store.markDone((Claim.Acquired) store.claim("emails", eventId, LEASE));
        // dynalite never deletes expired items, and DynamoDB does so only lazily.
        clock.advance(ConsumedEventStore.RETENTION.plusMinutes(1));

        assertThat(store.status("emails", eventId)).isEmpty();
        assertThat(store.claim("emails", eventId, LEASE)).isInstanceOf(Claim.Acquired.class);
    }
}
