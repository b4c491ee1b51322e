package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.identity.AccountSignedUp;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyTypeHasASchemaAndASerdeablePayload() {
        assertThat(EventTypes.all()).isNotEmpty();
        for (EventType<?> type : EventTypes.all()) {
            assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
                    .as("schema of %s", type.detailType()).isNotNull();
            assertThat(type.payloadClass().isAnnotationPresent(Serdeable.class)
                    || type.payloadClass().isAnnotationPresent(Serdeable.Deserializable.class))
                    .as("%s is @Serdeable", type.payloadClass().getSimpleName()).isTrue();
        }
    }

    @Test
    void findsTypesByDetailTypeAndPayload() {
        assertThat(EventTypes.byDetailType("account.signed_up")).contains(EventTypes.ACCOUNT_SIGNED_UP);
        assertThat(EventTypes.byDetailType("account.deleted")).isEmpty();
        assertThat(EventTypes.forPayload(AccountSignedUp.class)).isSameAs(EventTypes.ACCOUNT_SIGNED_UP);
        assertThat(EventTypes.ACCOUNT_SIGNED_UP.producer()).isEqualTo("identity");
    }

    @Test
    void rejectsMalformedTypes() {
        assertThatThrownBy(() -> new EventType<>("AccountSignedUp", "penguinmails.identity", 1, AccountSignedUp.class))
                .hasMessageContaining("detail-type");
        assertThatThrownBy(() -> new EventType<>("account.signed_up", "identity", 1, AccountSignedUp.class))
                .hasMessageContaining("penguinmails.<function>");
        assertThatThrownBy(() -> new EventType<>("account.signed_up", "penguinmails.identity", 0, AccountSignedUp.class))
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void rejectsAPayloadThatReusesAnEnvelopeField() {
        record Clashing(String workspaceId, String name) { }
        assertThatThrownBy(() -> new EventType<>("thing.happened", "penguinmails.identity", 1, Clashing.class))
                .hasMessageContaining("Clashing.workspaceId clashes");
    }
}
