package dev.penguinmails.domains.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TxtStringsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 254, 255, 256, 510, 511, 1000})
    void stringsHoldAtMost255BytesAndJoinToTheValue(int length) {
        String value = "x".repeat(length);

        List<String> strings = TxtStrings.split(value);

        assertThat(strings).allSatisfy(s -> assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
        assertThat(String.join("", strings)).isEqualTo(value);
        assertThat(strings).hasSize(Math.max(1, (length + 254) / 255));
    }

    @ParameterizedTest
    @ValueSource(ints = {253, 254, 300})
    void multiByteCharactersAreNeverCut(int asciiPrefix) {
        String value = "a".repeat(asciiPrefix) + "ééé€€€";

        List<String> strings = TxtStrings.split(value);

        assertThat(strings).allSatisfy(s -> assertThat(TxtStrings.byteLength(s)).isLessThanOrEqualTo(255));
        assertThat(String.join("", strings)).isEqualTo(value);
    }
}
