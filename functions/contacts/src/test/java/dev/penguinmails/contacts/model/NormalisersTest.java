package dev.penguinmails.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phones, time zones, tags and custom field types. */
class NormalisersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(415) 555-2671 | US | +14155552671",
            "+1 415 555 2671 | BR | +14155552671",
            "0044 20 7946 0958 | DE | +442079460958",
            "11 98765-4321 | BR | +5511987654321",
            "020 7946 0958 | GB | +442079460958"})
    void phonesBecomeE164ReadInTheDefaultRegionUnlessTheyCarryTheirOwn(String input, String region, String e164) {
        assertThat(PhoneNumbers.e164(input, region)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "123", "+999 1234 5678", "+1 415 555 26711234567", "(415) 000-0000"})
    void phonesThatAreNoValidNumberAreRefused(String input) {
        assertThatThrownBy(() -> PhoneNumbers.e164(input, "US")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeZonesAreIanaNamesInTheirCanonicalSpelling() {
        assertThat(Timezones.canonical("america/sao_paulo")).isEqualTo("America/Sao_Paulo");
        assertThat(Timezones.canonical(" Europe/Lisbon ")).isEqualTo("Europe/Lisbon");
        assertThat(Timezones.canonical("utc")).isEqualTo("UTC");
        for (String bad : List.of("+02:00", "PST", "GMT+3", "Etc/GMT+3", "Mars/Olympus_Mons", "")) {
            assertThatThrownBy(() -> Timezones.canonical(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tagsAreTrimmedCollapsedLowerCasedDeduplicatedAndSorted() {
        assertThat(Tags.normalise(List.of(" VIP  Lead", "vip lead", "Événement", "q4:2026"), 10))
                .containsExactly("q4:2026", "vip lead", "événement");
        assertThatThrownBy(() -> Tags.normalise(List.of("  "), 10)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Tags.normalise(List.of("<script>"), 10)).hasMessageContaining("not a tag");
        assertThatThrownBy(() -> Tags.normalise(List.of("x".repeat(51)), 10)).hasMessageContaining("not a tag");
        assertThatThrownBy(() -> Tags.normalise(Collections.nCopies(3, "a").stream().map(s -> s + Math.random()).toList(), 2))
                .hasMessageContaining("at most 2");
        assertThat(Tags.normalise(List.of("a", "A", " a "), 1)).containsExactly("a");
    }

    @Test
    void customValuesMustHaveTheirFieldsTypeAndAreKeptCanonically() {
        assertThat(FieldType.NUMBER.accept(new BigDecimal("12.50")).value()).isEqualTo("12.5");
        assertThat(FieldType.NUMBER.accept(1e3).value()).isEqualTo("1000");
        assertThat(FieldType.NUMBER.accept(7).json()).isEqualTo(new BigDecimal("7"));
        assertThat(FieldType.DATE.accept("2026-12-05").value()).isEqualTo("2026-12-05");
        assertThat(FieldType.BOOLEAN.accept(true).json()).isEqualTo(true);
        assertThat(FieldType.TEXT.accept("Acme").json()).isEqualTo("Acme");

        assertThatThrownBy(() -> FieldType.NUMBER.accept("12")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> FieldType.NUMBER.accept(Double.NaN)).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> FieldType.DATE.accept("05/12/2026")).hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> FieldType.DATE.accept("2026-02-30")).hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> FieldType.BOOLEAN.accept("true")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> FieldType.TEXT.accept(5)).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> FieldType.TEXT.accept("x".repeat(1001))).hasMessageContaining("1000");
    }
}
