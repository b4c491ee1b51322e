package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import io.micronaut.serde.annotation.Serdeable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        assertThat(EventTypes.byDetailType("account.signed_up")).contains(IdentityEvents.ACCOUNT_SIGNED_UP);
        assertThat(EventTypes.byDetailType("account.deleted")).isEmpty();
        assertThat(EventTypes.forPayload(AccountSignedUp.class)).isSameAs(IdentityEvents.ACCOUNT_SIGNED_UP);
        assertThat(IdentityEvents.ACCOUNT_SIGNED_UP.producer()).isEqualTo("identity");
    }

    @Test
    void registersEveryIdentityConstantUnderItsDetailTypeName() throws IllegalAccessException {
        List<EventType<?>> constants = new ArrayList<>();
        for (Field field : IdentityEvents.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
                EventType<?> type = (EventType<?>) field.get(null);
                constants.add(type);
                // The name is the detail-type, so that a reader finds a type from the wire and back.
                assertThat(field.getName()).isEqualTo(type.detailType().toUpperCase(Locale.ROOT).replace('.', '_'));
                assertThat(type.source()).isEqualTo(IdentityEvents.SOURCE);
            }
        }
        assertThat(IdentityEvents.ALL).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(EventTypes.all()).containsAll(IdentityEvents.ALL);
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
