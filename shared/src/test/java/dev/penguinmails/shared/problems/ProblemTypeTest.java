package dev.penguinmails.shared.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {
    @Test
    void typesAreStableUrisUnderOurProblemsBase() {
        assertThat(ProblemType.of("domain-not-verified", "Domain not verified", 409).uri())
                .hasToString("https://penguinmails.dev/problems/domain-not-verified");
        assertThat(ProblemType.INVALID_CURSOR.uri()).hasToString("https://penguinmails.dev/problems/invalid-cursor");
    }

    @Test
    void slugsAreKebabCaseAndStatusesAreErrors() {
        assertThatThrownBy(() -> ProblemType.of("Not Found", "x", 404)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProblemType.of("ok", "x", 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStatusMapsToAType() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.forStatus(418).status()).isEqualTo(418);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(ProblemException.tooManyRequests(Duration.ofMillis(1), "x").headers()).containsEntry("Retry-After", "1");
        assertThat(ProblemException.tooManyRequests(Duration.ofMillis(2001), "x").headers()).containsEntry("Retry-After", "3");
    }
}
