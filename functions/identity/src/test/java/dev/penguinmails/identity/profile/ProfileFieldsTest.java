package dev.penguinmails.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileFieldsTest {

    @Test
    void timeZonesAreIanaRegionIdsNotOffsets() {
        assertThat(ProfileFields.timezone("tz", "Europe/Lisbon").value()).isEqualTo("Europe/Lisbon");
        assertThat(ProfileFields.timezone("tz", " UTC ").value()).isEqualTo("UTC");
        assertThat(ProfileFields.timezone("tz", "+02:00").error()).isPresent();
        assertThat(ProfileFields.timezone("tz", "Europe/Atlantis").error()).isPresent();
        assertThat(ProfileFields.timezone("tz", "europe/lisbon").error()).isPresent();
    }

    @Test
    void localesAreWellFormedBcp47WithAKnownLanguageInCanonicalCase() {
        assertThat(ProfileFields.locale("l", "pt-br").value()).isEqualTo("pt-BR");
        assertThat(ProfileFields.locale("l", "zh-Hant-TW").value()).isEqualTo("zh-Hant-TW");
        assertThat(ProfileFields.locale("l", "EN").value()).isEqualTo("en");
        assertThat(ProfileFields.locale("l", "fil").value()).isEqualTo("fil");
        assertThat(ProfileFields.locale("l", "xx").error()).isPresent();
        assertThat(ProfileFields.locale("l", "en_US").error()).isPresent();
        assertThat(ProfileFields.locale("l", "en-US-u-ca-buddhist").error()).isPresent();
        assertThat(ProfileFields.locale("l", "english").error()).isPresent();
    }

    @Test
    void namesAreTrimmedBoundedAndFreeOfControlCharacters() {
        assertThat(ProfileFields.name("name", "  Zoë Ñúñez ").value()).isEqualTo("Zoë Ñúñez");
        assertThat(ProfileFields.name("name", "x".repeat(100)).error()).isEmpty();
        assertThat(ProfileFields.name("name", "x".repeat(101)).error()).isPresent();
        assertThat(ProfileFields.name("name", "bad\u0000name").error()).isPresent();
        assertThat(ProfileFields.name("name", "   ").error().orElseThrow().message()).isEqualTo("is required");
    }
}
