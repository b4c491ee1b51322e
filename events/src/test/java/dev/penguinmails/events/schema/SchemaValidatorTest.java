package dev.penguinmails.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.Fixtures;
import dev.penguinmails.events.InvalidEventException;
import dev.penguinmails.events.identity.IdentityEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    /** The detail of the real fixture, with {@code from} replaced by {@code to}. */
    private static String detail(String from, String to) {
        String event = Fixtures.eventBridgeJson("account.signed_up");
        String detail = event.substring(event.indexOf("\"detail\":") + "\"detail\":".length(), event.lastIndexOf('}'));
        if (!from.isEmpty()) {
            assertThat(detail).contains(from);
        }
        return detail.replace(from, to);
    }

    private static List<String> violations(String detail) {
        return VALIDATOR.violations(IdentityEvents.ACCOUNT_SIGNED_UP, detail);
    }

    @Test
    void acceptsTheFixture() {
        assertThat(violations(detail("", ""))).isEmpty();
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertThat(violations(detail("\"email\": \"ana.souza@example.com\",", "")))
                .anySatisfy(v -> assertThat(v).contains("email"));
    }

    @Test
    void assertsFormats() {
        assertThat(violations(detail("ana.souza@example.com", "not-an-email")))
                .anySatisfy(v -> assertThat(v).startsWith("/email"));
        assertThat(violations(detail("2026-11-25T20:41:17.123Z", "2026-11-25T20:41:17.123+01:00")))
                .anySatisfy(v -> assertThat(v).startsWith("/occurredAt"));
        assertThat(violations(detail("2026-11-25T20:41:17.123Z", "2026-13-45T20:41:17.123Z")))
                .anySatisfy(v -> assertThat(v).startsWith("/occurredAt"));
    }

    @Test
    void rejectsBadIdsAndVersions() {
        assertThat(violations(detail("evt_01KBFR3Q8N5W6Y2XJ7T4C9M0AB", "event-1"))).anySatisfy(v -> assertThat(v).startsWith("/eventId"));
        assertThat(violations(detail("\"schemaVersion\": 1", "\"schemaVersion\": 2"))).anySatisfy(v -> assertThat(v).startsWith("/schemaVersion"));
        assertThat(violations(detail("\"locale\": \"pt-BR\"", "\"locale\": \"Portuguese (Brazil)\""))).anySatisfy(v -> assertThat(v).startsWith("/locale"));
        assertThat(violations(detail("\"name\": \"Ana Souza\"", "\"name\": \"  \""))).anySatisfy(v -> assertThat(v).startsWith("/name"));
    }

    @Test
    void rejectsFieldsTheContractDoesNotName() {
        // Tokens must never travel in events: an extra field is a contract break, not a tolerated extra.
        assertThat(violations(detail("\"locale\": \"pt-BR\"", "\"locale\": \"pt-BR\", \"verificationToken\": \"secret\"")))
                .anySatisfy(v -> assertThat(v).contains("verificationToken"));
    }

    @Test
    void reportsMalformedJsonAsAViolation() {
        assertThat(violations("{not json")).singleElement().asString().startsWith("detail is not valid JSON");
    }

    @Test
    void validateThrowsWithEveryViolation() {
        assertThatThrownBy(() -> VALIDATOR.validate(IdentityEvents.ACCOUNT_SIGNED_UP, "{}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("account.signed_up detail breaks its schema")
                .satisfies(e -> assertThat(((InvalidEventException) e).violations()).hasSizeGreaterThanOrEqualTo(1));
    }
}
