package dev.penguinmails.events.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.Fixtures;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.events.testing.EventsStack;
import dev.penguinmails.events.testing.SqsEvents;
import dev.penguinmails.events.testing.ThingHappened;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The consumer base end to end: events published to the local EventBridge, routed by the topology's
 * rule to the SQS queue, received as Lambda's poller would, and handed to a real handler.
 */
@Tag("integration")
class SqsEventConsumerTest {
    private static EventsStack env;
    private static EventPublisher publisher;
    private RecordingConsumer consumer;

    /** Remembers what it handled; fails for addresses containing "fail" while {@code failing} is set. */
    static class RecordingConsumer extends SqsEventConsumer<AccountSignedUp> {
        final List<DomainEvent<AccountSignedUp>> handled = new CopyOnWriteArrayList<>();
        volatile boolean failing = true;

        RecordingConsumer(ApplicationContext context) {
            super(context);
        }

        @Override
        protected String consumerName() {
            return "test-emails";
        }

        @Override
        protected Set<EventType<? extends AccountSignedUp>> eventTypes() {
            return Set.of(IdentityEvents.ACCOUNT_SIGNED_UP);
        }

        @Override
        protected void handle(DomainEvent<AccountSignedUp> event) {
            if (failing && event.payload().email().contains("fail")) {
                throw new IllegalStateException("mail server said no");
            }
            handled.add(event);
        }
    }

    @BeforeAll
    static void start() {
        env = EventsStack.start(Map.of(SqsEventConsumer.leaseProperty("test-emails"), "10m",
                SqsEventConsumer.leaseProperty("other-consumer"), "7s"));
        publisher = env.context().getBean(EventPublisher.class);
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @BeforeEach
    void newConsumer() {
        consumer = new RecordingConsumer(env.context());
    }

    /** Publishes {@code events} and receives what the rule delivered to the emails queue. */
    private static SQSEvent publishAndReceive(List<DomainEvent<AccountSignedUp>> events) {
        publisher.publish(events);
        return SqsEvents.of(env.receive(EventsStack.EMAILS_QUEUE, events.size()));
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void handlesAnEventOnceEvenWhenItIsDeliveredTwice() {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("ana@example.com");
        SQSEvent delivery = publishAndReceive(List.of(event));

        SQSBatchResponse first = consumer.handleRequest(delivery, null);
        SQSBatchResponse second = consumer.handleRequest(delivery, null);

        assertThat(failedIds(first)).isEmpty();
        assertThat(failedIds(second)).isEmpty();
        assertThat(consumer.handled).containsExactly(event);
    }

    @Test
    void aFailingRecordIsReportedWhileTheOthersSucceed() {
        DomainEvent<AccountSignedUp> good = Fixtures.signedUp("good@example.com");
        DomainEvent<AccountSignedUp> failing = Fixtures.signedUp("fail@example.com");
        DomainEvent<AccountSignedUp> alsoGood = Fixtures.signedUp("also-good@example.com");
        SQSEvent delivery = publishAndReceive(List.of(good, failing, alsoGood));
        String failingMessageId = delivery.getRecords().stream()
                .filter(r -> r.getBody().contains("fail@example.com")).findFirst().orElseThrow().getMessageId();

        SQSBatchResponse response = consumer.handleRequest(delivery, null);

        assertThat(failedIds(response)).containsExactly(failingMessageId);
        assertThat(consumer.handled).containsExactlyInAnyOrder(good, alsoGood);

        // The retry comes at once: the failed attempt released its claim instead of holding it for the lease.
        consumer.failing = false;
        SQSBatchResponse retry = consumer.handleRequest(delivery, null);
        assertThat(failedIds(retry)).isEmpty();
        assertThat(consumer.handled).containsExactlyInAnyOrder(good, alsoGood, failing);
    }

    @Test
    void poisonMessagesAreReportedSoTheyReachTheDeadLetterQueue() {
        String fixture = Fixtures.eventBridgeJson("account.signed_up");
        SQSEvent delivery = SqsEvents.ofRecords(List.of(
                SqsEvents.record("m-not-json", "this is not an event"),
                SqsEvents.record("m-bad-detail", fixture.replace("\"ana.souza@example.com\"", "\"nobody\"")),
                SqsEvents.record("m-unknown-type", fixture.replace("\"account.signed_up\"", "\"account.exploded\"")),
                SqsEvents.record("m-good", fixture)));

        SQSBatchResponse response = consumer.handleRequest(delivery, null);

        assertThat(failedIds(response)).containsExactly("m-not-json", "m-bad-detail", "m-unknown-type");
        assertThat(consumer.handled).extracting(DomainEvent::eventId).containsExactly("evt_01KBFR3Q8N5W6Y2XJ7T4C9M0AB");
    }

    @Test
    void anEventAnotherInvocationIsProcessingIsDeferredNotHandled() {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("busy@example.com");
        SQSEvent delivery = publishAndReceive(List.of(event));
        ConsumedEventStore store = env.context().getBean(ConsumedEventStore.class);
        store.claim("test-emails", event.eventId(), Duration.ofMinutes(5));

        SQSBatchResponse response = consumer.handleRequest(delivery, null);

        assertThat(failedIds(response)).containsExactly(delivery.getRecords().get(0).getMessageId());
        assertThat(consumer.handled).isEmpty();
    }

    @Test
    void eachConsumerHasItsOwnLeaseSettingAndWithoutOneALeaseShorterThanAnyVisibilityTimeout() {
        RecordingConsumer other = new RecordingConsumer(env.context()) {
            @Override
            protected String consumerName() {
                return "other-consumer";
            }
        };
        RecordingConsumer unset = new RecordingConsumer(env.context()) {
            @Override
            protected String consumerName() {
                return "unset-consumer";
            }
        };

        assertThat(consumer.fallbackLease()).isEqualTo(Duration.ofMinutes(10).plusSeconds(5));
        assertThat(other.fallbackLease()).isEqualTo(Duration.ofSeconds(12));
        assertThat(unset.fallbackLease()).as("SQS's default visibility timeout plus the skew margin")
                .isEqualTo(Duration.ofSeconds(35));
        try (ApplicationContext function = ApplicationContext.builder()
                .properties(Map.of(ConfigKeys.FUNCTION_TIMEOUT_SECONDS, "20",
                        "penguinmails.idempotency.table", "unused"))
                .start()) {
            RecordingConsumer timed = new RecordingConsumer(function) {
                @Override
                protected String consumerName() {
                    return "timed-consumer";
                }
            };
            assertThat(timed.fallbackLease()).as("the function's timeout, well inside its queue's 120 s visibility")
                    .isEqualTo(Duration.ofSeconds(25));
        }
    }

    @Test
    void registeredTypesTheConsumerDoesNotHandleAreAcknowledgedAndSkipped() {
        // The topology's rule may route every event of a source to one queue.
        RecordingConsumer uninterested = new RecordingConsumer(env.context()) {
            @Override
            protected Set<EventType<? extends AccountSignedUp>> eventTypes() {
                return Set.of();
            }
        };
        SQSEvent delivery = publishAndReceive(List.of(Fixtures.signedUp("elsewhere@example.com")));

        SQSBatchResponse response = uninterested.handleRequest(delivery, null);

        assertThat(failedIds(response)).isEmpty();
        assertThat(uninterested.handled).isEmpty();
    }

    @Test
    void readsTypesTheConsumerDeclaresBesidesTheRegistry() {
        List<DomainEvent<? extends Record>> seen = new CopyOnWriteArrayList<>();
        SqsEventConsumer<Record> declaring = new SqsEventConsumer<>(env.context()) {
            @Override
            protected String consumerName() {
                return "declaring";
            }

            @Override
            protected Set<EventType<? extends Record>> eventTypes() {
                return Set.of(IdentityEvents.ACCOUNT_SIGNED_UP, ThingHappened.TYPE);
            }

            @Override
            protected void handle(DomainEvent<Record> event) {
                seen.add(event);
            }
        };
        DomainEvent<ThingHappened> thing = DomainEvent.create(ThingHappened.TYPE, "ws_01KBFR3Q8KZ3M4N5P6Q7R8S9TV",
                new ThingHappened("a test thing"));
        publisher.publish(thing);
        SQSEvent delivery = SqsEvents.of(env.receive(EventsStack.EMAILS_QUEUE, 1));

        assertThat(failedIds(declaring.handleRequest(delivery, null))).isEmpty();
        assertThat(seen).containsExactly(thing);
        // A consumer that neither declares it nor finds it in the registry cannot read it.
        assertThat(failedIds(consumer.handleRequest(delivery, null))).hasSize(1);
    }

    @Test
    void inAFifoQueueNothingAfterAFailureIsProcessed() {
        String fixture = Fixtures.eventBridgeJson("account.signed_up");
        List<SQSEvent.SQSMessage> records = List.of(
                SqsEvents.record("f-1", "broken"),
                SqsEvents.record("f-2", fixture));
        records.forEach(r -> r.getAttributes().put("MessageGroupId", "ws_1"));

        SQSBatchResponse response = consumer.handleRequest(SqsEvents.ofRecords(records), null);

        assertThat(failedIds(response)).containsExactly("f-1", "f-2");
        assertThat(consumer.handled).isEmpty();
    }

    @Test
    void decodesWhatTheRuleDeliversIntoTheEventThatWasPublished() {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("roundtrip@example.com");
        SQSEvent delivery = publishAndReceive(List.of(event));
        EventCodec codec = env.context().getBean(EventCodec.class);

        assertThat(codec.fromEventBridge(delivery.getRecords().get(0).getBody())).isEqualTo(event);
    }
}
