package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.schema.SchemaValidator;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final EventCodec CODEC = new EventCodec(ObjectMapper.getDefault(), new SchemaValidator());

    @Test
    void readsTheFixtureAsEventBridgeDeliversIt() {
        DomainEvent<?> event = CODEC.fromEventBridge(Fixtures.eventBridgeJson("account.signed_up"));

        assertThat(event.type()).isSameAs(IdentityEvents.ACCOUNT_SIGNED_UP);
        assertThat(event.eventId()).isEqualTo("evt_01KBFR3Q8N5W6Y2XJ7T4C9M0AB");
        assertThat(event.workspaceId()).isEqualTo("ws_01KBFR3Q8KZ3M4N5P6Q7R8S9TV");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T20:41:17.123Z"));
        assertThat(event.payload()).isEqualTo(new AccountSignedUp("acc_01KBFR3Q8JX1Y2Z3A4B5C6D7EF",
                "usr_01KBFR3Q8HW9X8Y7Z6A5B4C3D2", "ana.souza@example.com", "Ana Souza", "Souza Outbound", "pt-BR"));
    }

    @Test
    void writesAFlatDetailWithTheEnvelopeFirstAndReadsItBack() {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("ana@example.com");

        String detail = CODEC.toDetail(event);

        assertThat(detail).startsWith("{\"schemaVersion\":1,\"eventId\":\"" + event.eventId() + "\",\"workspaceId\":");
        assertThat(detail).contains("\"email\":\"ana@example.com\"").doesNotContain("payload");
        String eventBridgeJson = "{\"detail-type\":\"account.signed_up\",\"source\":\"penguinmails.identity\",\"detail\":" + detail + "}";
        assertThat(CODEC.fromEventBridge(eventBridgeJson)).isEqualTo(event);
    }

    @Test
    void refusesToWriteADetailThatBreaksTheSchema() {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("not-an-email");
        assertThatThrownBy(() -> CODEC.toDetail(event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/email");
    }

    @Test
    void readsADeclaredTypeOnlyAsItself() {
        EventCodec.Envelope envelope = CODEC.parse(Fixtures.eventBridgeJson("account.signed_up"));
        assertThat(CODEC.decode(envelope, IdentityEvents.ACCOUNT_SIGNED_UP).payload().locale()).isEqualTo("pt-BR");
        assertThatThrownBy(() -> CODEC.decode(envelope, dev.penguinmails.events.testing.ThingHappened.TYPE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected testing.thing_happened, got account.signed_up");
    }

    @Test
    void rejectsWhatIsNotAValidEvent() {
        String fixture = Fixtures.eventBridgeJson("account.signed_up");
        assertThatThrownBy(() -> CODEC.fromEventBridge("hello"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CODEC.fromEventBridge("[1,2]"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not an EventBridge event");
        assertThatThrownBy(() -> CODEC.fromEventBridge(fixture.replace("\"account.signed_up\"", "\"account.exploded\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown detail-type 'account.exploded'");
        assertThatThrownBy(() -> CODEC.fromEventBridge(fixture.replace("\"penguinmails.identity\"", "\"penguinmails.billing\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("must come from penguinmails.identity");
        assertThatThrownBy(() -> CODEC.fromEventBridge(fixture.replace("\"ana.souza@example.com\"", "42")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/email");
        assertThatThrownBy(() -> CODEC.fromEventBridge("{\"detail-type\":\"account.signed_up\",\"source\":\"penguinmails.identity\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no detail object");
    }
}
