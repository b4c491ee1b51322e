package dev.penguinmails.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.problems.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void signatureNamesCapacityAndPeriod() {
        assertThat(Limit.perMinute(60).signature()).isEqualTo("60/60000ms");
        assertThat(Limit.perHour(5).signature()).isNotEqualTo(Limit.perMinute(5).signature());
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Limit.perMinute(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.of(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalBecomesA429WithRetryAfterInWholeSeconds() {
        Decision refused = Decision.refuse(Duration.ofMillis(1_200));
        assertThatThrownBy(() -> refused.orThrow("Slow down."))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "2");
                });
        Decision.allow(3).orThrow("never thrown");
        assertThat(Decision.refuse(Duration.ZERO).retryAfter()).isPositive();
    }
}
