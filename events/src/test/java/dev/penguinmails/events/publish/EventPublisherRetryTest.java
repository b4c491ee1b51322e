package dev.penguinmails.events.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.Fixtures;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.testing.EventsStack;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Partial PutEvents failures, injected on the wire between the real SDK client and the local
 * EventBridge: only the failed entries are sent again, and what never gets through is named.
 */
@Tag("integration")
class EventPublisherRetryTest {
    private static FlakyEventBridge proxy;
    private static EventsStack env;
    private static EventPublisher publisher;

    @BeforeAll
    static void start() {
        proxy = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());
        env = EventsStack.start(Map.of(
                ConfigKeys.endpoint("eventbridge"), proxy.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", 3,
                "penguinmails.events.publish.base-delay", "1ms",
                "penguinmails.events.publish.max-delay", "5ms"));
        publisher = env.context().getBean(EventPublisher.class);
    }

    @AfterAll
    static void stop() {
        env.close();
        proxy.close();
    }

    private static long timesPublished(DomainEvent<?> event) {
        return env.aws().eventBridge().publishedEvents(env.stack().eventBus()).stream()
                .filter(e -> e.detail().contains(event.eventId())).count();
    }

    private static boolean carries(com.fasterxml.jackson.databind.JsonNode entry, String text) {
        return entry.get("Detail").asText().contains(text);
    }

    @Test
    void sendsAtMostTenEntriesPerCall() {
        List<DomainEvent<AccountSignedUp>> events = IntStream.range(0, 23)
                .mapToObj(i -> Fixtures.signedUp("batch" + i + "@example.com")).toList();
        proxy.inject((call, entry) -> null);

        publisher.publish(events);

        assertThat(proxy.calls()).extracting(List::size).containsExactlyInAnyOrder(10, 10, 3);
        assertThat(events).allSatisfy(e -> assertThat(timesPublished(e)).isEqualTo(1));
    }

    @Test
    void retriesOnlyTheEntriesThatFailed() {
        List<DomainEvent<AccountSignedUp>> events = List.of(
                Fixtures.signedUp("ok1@example.com"), Fixtures.signedUp("flaky1@example.com"),
                Fixtures.signedUp("ok2@example.com"), Fixtures.signedUp("flaky2@example.com"));
        proxy.inject((call, entry) -> call == 1 && carries(entry, "flaky") ? "ThrottlingException" : null);

        publisher.publish(events);

        assertThat(proxy.calls()).hasSize(2);
        assertThat(proxy.calls().get(1)).hasSize(2).allSatisfy(entry -> assertThat(carries(entry, "flaky")).isTrue());
        assertThat(events).allSatisfy(e -> assertThat(timesPublished(e)).isEqualTo(1));
    }

    @Test
    void namesTheEventsThatStillFailAfterTheLastAttempt() {
        DomainEvent<AccountSignedUp> fine = Fixtures.signedUp("fine@example.com");
        DomainEvent<AccountSignedUp> doomed = Fixtures.signedUp("doomed@example.com");
        proxy.inject((call, entry) -> carries(entry, "doomed") ? "InternalFailure" : null);

        EventPublishException e = catchThrowableOfType(EventPublishException.class,
                () -> publisher.publish(List.of(fine, doomed)));

        assertThat(e.failedEventIds()).containsExactly(doomed.eventId());
        assertThat(e.failures()).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("InternalFailure");
            assertThat(f.attempts()).isEqualTo(3);
        });
        assertThat(e).hasMessageContaining("1 of 2 events were not published").hasMessageContaining(doomed.eventId());
        assertThat(proxy.calls()).hasSize(3);
        assertThat(timesPublished(fine)).isEqualTo(1);
        assertThat(timesPublished(doomed)).isZero();
    }

    @Test
    void callsSentTogetherReportEveryFailureAndPublishTheRestOnce() {
        List<DomainEvent<AccountSignedUp>> events = IntStream.range(0, 33)
                .mapToObj(i -> Fixtures.signedUp((i == 4 || i == 27 ? "doomed" : "many") + i + "@example.com")).toList();
        proxy.inject((call, entry) -> carries(entry, "doomed") ? "InternalFailure" : null);

        EventPublishException e = catchThrowableOfType(EventPublishException.class, () -> publisher.publish(events));

        assertThat(e.failedEventIds()).containsExactlyInAnyOrder(events.get(4).eventId(), events.get(27).eventId());
        assertThat(e).hasMessageContaining("2 of 33 events were not published");
        assertThat(events).filteredOn(ev -> !e.failedEventIds().contains(ev.eventId()))
                .hasSize(31).allSatisfy(ev -> assertThat(timesPublished(ev)).isEqualTo(1));
    }

    @Test
    void doesNotRetryAnEntryEventBridgeCallsMalformed() {
        DomainEvent<AccountSignedUp> malformed = Fixtures.signedUp("malformed@example.com");
        proxy.inject((call, entry) -> "MalformedDetail");

        EventPublishException e = catchThrowableOfType(EventPublishException.class, () -> publisher.publish(malformed));

        assertThat(e.failedEventIds()).containsExactly(malformed.eventId());
        assertThat(proxy.calls()).hasSize(1);
    }
}
