package dev.penguinmails.shared.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {
    @Test
    void defaultsTo25WithoutACursor() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(25, null));
        assertThat(PageRequest.of("", "")).isEqualTo(new PageRequest(25, null));
    }

    @Test
    void acceptsLimitsFrom1To100() {
        assertThat(PageRequest.of("1", "abc").limit()).isEqualTo(1);
        assertThat(PageRequest.of(" 100 ", null).limit()).isEqualTo(100);
        assertThat(PageRequest.of("7", "abc").cursor()).isEqualTo("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", "99999999999"})
    void otherLimitsAreA400NamingTheLimitField(String limit) {
        assertThatThrownBy(() -> PageRequest.of(limit, null)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit");
        });
    }

    @Test
    void anAbsurdlyLongCursorIsRefusedBeforeAnyDecoding() {
        assertThatThrownBy(() -> PageRequest.of(null, "x".repeat(5000))).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
    }
}
