package dev.penguinmails.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.contacts.settings.ContactSettings;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactFieldsTest {
    private static final ContactSettings SETTINGS = new ContactSettings("BR", 5, 10);
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Map<String, FieldDefinition> FIELDS = Map.of(
            "plan", new FieldDefinition("plan", FieldType.TEXT, NOW),
            "seats", new FieldDefinition("seats", FieldType.NUMBER, NOW),
            "renews_on", new FieldDefinition("renews_on", FieldType.DATE, NOW),
            "vip", new FieldDefinition("vip", FieldType.BOOLEAN, NOW));

    @Test
    void aNewContactIsNormalisedFieldByField() {
        Contact c = ContactFields.create("ws_1", "con_1", new ContactInput(" Ana@Example.COM ", " Ana ", "Souza", "Acme",
                "Head of Sales", "11 98765-4321", "america/sao_paulo", List.of("Lead", " lead "),
                Map.of("plan", "growth", "seats", 12.0, "vip", true), null, null), FIELDS, SETTINGS, NOW);

        assertThat(c.email()).isEqualTo("Ana@example.com");
        assertThat(c.emailKey()).isEqualTo("ana@example.com");
        assertThat(c.firstName()).isEqualTo("Ana");
        assertThat(c.phone()).isEqualTo("+5511987654321");
        assertThat(c.timezone()).isEqualTo("America/Sao_Paulo");
        assertThat(c.tags()).containsExactly("lead");
        assertThat(c.customFields()).containsOnlyKeys("plan", "seats", "vip");
        assertThat(c.customFields().get("seats").value()).isEqualTo("12");
        assertThat(c.source()).isEqualTo("api");
        assertThat(c.status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(c.version()).isEqualTo(1);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ContactInput input = new ContactInput("not-an-email", "x".repeat(101), "Line\nbreak", null, null, "12",
                "PST", List.of("<b>"), Map.of("seats", "twelve", "unknown", 1), "Not A Source", "gone");

        assertThatThrownBy(() -> ContactFields.create("ws_1", "con_1", input, FIELDS, SETTINGS, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("email", "firstName", "lastName", "phone", "timezone", "tags",
                                "customFields.seats", "customFields.unknown", "source", "status"));
    }

    @Test
    void aChangeTouchesOnlyWhatItGivesClearsEmptiesAndRemovesNullCustomFields() {
        Contact c = ContactFields.create("ws_1", "con_1", new ContactInput("ana@example.com", "Ana", "Souza", "Acme",
                null, null, null, List.of("a", "b"), Map.of("plan", "growth", "vip", true), "manual", null), FIELDS, SETTINGS, NOW);
        Map<String, Object> custom = new HashMap<>();
        custom.put("plan", null);
        custom.put("renews_on", "2027-01-31");

        Contact next = ContactFields.update(c, new ContactInput(null, null, "", null, "CEO", null, null, List.of(),
                custom, null, "unsubscribed"), FIELDS, SETTINGS, NOW.plusSeconds(5));

        assertThat(next.firstName()).isEqualTo("Ana");
        assertThat(next.lastName()).isNull();
        assertThat(next.title()).isEqualTo("CEO");
        assertThat(next.tags()).isEmpty();
        assertThat(next.customFields()).containsOnlyKeys("vip", "renews_on");
        assertThat(next.status()).isEqualTo(ContactStatus.UNSUBSCRIBED);
        assertThat(next.source()).isEqualTo("manual");
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.createdAt()).isEqualTo(NOW);
        assertThat(next.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> ContactFields.update(c, new ContactInput(null, null, null, null, null, null, null, null,
                null, "import", null), FIELDS, SETTINGS, NOW)).hasMessageContaining("invalid");
    }

    @Test
    void anUnknownDefaultRegionIsRefusedAtStartup() {
        assertThatThrownBy(() -> new ContactSettings("XX", 5, 10)).hasMessageContaining("default-phone-region");
    }
}
