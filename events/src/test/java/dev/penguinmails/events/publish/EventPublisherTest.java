package dev.penguinmails.events.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.events.Fixtures;
import dev.penguinmails.events.InvalidEventException;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.schema.SchemaValidator;
import dev.penguinmails.events.testing.EventsStack;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The publisher against the local EventBridge: what it really sent, checked where it arrived. */
@Tag("integration")
class EventPublisherTest {
    private static EventsStack env;
    private static EventPublisher publisher;

    @BeforeAll
    static void start() {
        env = EventsStack.start();
        publisher = env.context().getBean(EventPublisher.class);
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    private static List<PublishedEvent> publishedWith(String eventId) {
        return env.aws().eventBridge().publishedEvents(env.stack().eventBus()).stream()
                .filter(e -> e.detail().contains(eventId)).toList();
    }

    @Test
    void publishedEntriesMatchTheSchemaAndReachTheRoutedQueue() {
        env.drain(EventsStack.EMAILS_QUEUE);
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("ana@example.com");

        publisher.publish(event);

        List<PublishedEvent> captured = publishedWith(event.eventId());
        assertThat(captured).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("penguinmails.identity");
            assertThat(e.detailType()).isEqualTo("account.signed_up");
            assertThat(e.matchedRules()).isNotEmpty();
            assertThat(env.context().getBean(SchemaValidator.class).violations(IdentityEvents.ACCOUNT_SIGNED_UP, e.detail())).isEmpty();
        });
        List<Message> delivered = env.receive(EventsStack.EMAILS_QUEUE, 1);
        EventCodec codec = env.context().getBean(EventCodec.class);
        assertThat(delivered).singleElement().satisfies(m -> assertThat(codec.fromEventBridge(m.body())).isEqualTo(event));
    }

    @Test
    void aFunctionWithoutABusHasAPublisherThatRefusesToPublishAndSendsNothing() {
        EventPublisher busless = new EventPublisher(env.context().getBean(software.amazon.awssdk.services.eventbridge
                .EventBridgeClient.class), env.context().getBean(EventCodec.class), null,
                new RetryPolicy(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1)));
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("nobus@example.com");

        assertThatThrownBy(() -> busless.publish(event)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("publishes no events");
        assertThat(publishedWith(event.eventId())).isEmpty();
    }

    @Test
    void publishesManyEventsInSeveralCalls() {
        List<DomainEvent<AccountSignedUp>> events = IntStream.range(0, 23)
                .mapToObj(i -> Fixtures.signedUp("person" + i + "@example.com")).toList();

        publisher.publish(events);

        assertThat(events).allSatisfy(e -> assertThat(publishedWith(e.eventId())).hasSize(1));
    }

    @Test
    void anEventThatBreaksItsSchemaStopsTheWholeCallBeforeAnythingIsSent() {
        DomainEvent<AccountSignedUp> good = Fixtures.signedUp("good@example.com");
        DomainEvent<AccountSignedUp> bad = Fixtures.signedUp("not-an-email");

        assertThatThrownBy(() -> publisher.publish(List.of(good, bad)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/email");
        assertThat(publishedWith(good.eventId())).isEmpty();
    }

    @Test
    void refusesTheSameEventTwiceInOneCall() {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("twice@example.com");
        assertThatThrownBy(() -> publisher.publish(List.of(event, event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appears twice");
        assertThat(publishedWith(event.eventId())).isEmpty();
    }
}
