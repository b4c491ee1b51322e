package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DomainEventTest {
    private static final String WS = "ws_01KBFR3Q8KZ3M4N5P6Q7R8S9TV";

    @Test
    void createGivesUniqueTimeSortableIdsAndMillisecondTimes() {
        List<String> ids = IntStream.range(0, 1000)
                .mapToObj(i -> Fixtures.signedUp("a@example.com").eventId()).toList();
        assertThat(ids).allMatch(EventIds::isValid);
        assertThat(new HashSet<>(ids)).hasSize(1000);
        assertThat(ids).isSorted();
        assertThat(Fixtures.signedUp("a@example.com").occurredAt().getNano() % 1_000_000).isZero();
    }

    @Test
    void findsTheTypeFromThePayload() {
        DomainEvent<AccountSignedUp> event = DomainEvent.create(WS, Fixtures.accountSignedUp("a@example.com"));
        assertThat(event.type()).isSameAs(IdentityEvents.ACCOUNT_SIGNED_UP);
    }

    @Test
    void rejectsBadEnvelopes() {
        AccountSignedUp payload = Fixtures.accountSignedUp("a@example.com");
        assertThatThrownBy(() -> new DomainEvent<>(IdentityEvents.ACCOUNT_SIGNED_UP, "123", WS, Instant.now(), payload))
                .hasMessageContaining("evt_<ULID>");
        assertThatThrownBy(() -> new DomainEvent<>(IdentityEvents.ACCOUNT_SIGNED_UP, EventIds.next(), " ", Instant.now(), payload))
                .hasMessageContaining("workspaceId");
        assertThatThrownBy(() -> new AccountSignedUp("acc_1", "usr_1", "", "n", "w", "en"))
                .hasMessageContaining("email");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rejectsAPayloadOfAnotherType() {
        record Other(String x) { }
        EventType raw = IdentityEvents.ACCOUNT_SIGNED_UP;
        assertThatThrownBy(() -> new DomainEvent(raw, EventIds.next(), WS, Instant.now(), new Other("x")))
                .hasMessageContaining("carries AccountSignedUp, not Other");
    }
}
