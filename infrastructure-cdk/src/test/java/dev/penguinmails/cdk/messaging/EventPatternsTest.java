package dev.penguinmails.cdk.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventPatternsTest {

    @Test
    void keepsDecimalsExactAndNestingIntact() {
        Map<String, Object> pattern = EventPatterns.parse("r", """
                {"detail":{"score":[{"numeric":[">",0.1]}],"ok":[true]}}""");
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) pattern.get("detail");
        assertThat(detail.get("score")).isEqualTo(List.of(Map.of("numeric", List.of(">", new BigDecimal("0.1")))));
        assertThat(detail.get("ok")).isEqualTo(List.of(true));
    }

    @Test
    void rejectsDuplicateKeysAndNonObjectsNamingTheRule() {
        assertThatThrownBy(() -> EventPatterns.parse("dup-rule", "{\"source\":[\"a\"],\"source\":[\"b\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dup-rule");
        assertThatThrownBy(() -> EventPatterns.parse("list-rule", "[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("list-rule");
    }
}
