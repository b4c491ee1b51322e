package dev.penguinmails.events.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void waitsAreJitteredBelowAnExponentialCeilingCappedAtMaxDelay() {
        SplittableRandom random = new SplittableRandom(7);
        for (int retry = 1; retry <= 8; retry++) {
            long ceiling = Math.min(1000, 100L << (retry - 1));
            int r = retry;
            var waits = IntStream.range(0, 2000).mapToLong(i -> policy.backoff(r, random).toMillis()).summaryStatistics();
            assertThat(waits.getMin()).isGreaterThanOrEqualTo(0);
            assertThat(waits.getMax()).isLessThanOrEqualTo(ceiling);
            // Full jitter spreads waits over the whole range, not around one value.
            assertThat(waits.getMax() - waits.getMin()).isGreaterThan(ceiling / 2);
        }
    }

    @Test
    void largeRetryNumbersDoNotOverflow() {
        assertThat(policy.backoff(500, new SplittableRandom(1))).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("baseDelay");
        assertThatThrownBy(() -> policy.backoff(0, new SplittableRandom())).hasMessageContaining("retry counts from 1");
    }
}
