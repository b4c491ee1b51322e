package dev.penguinmails.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EarlyPrimingTest {

    @Test
    void listedPrimersRunOnceInTheBackgroundWhenContextsAreBuilt() throws Exception {
        try (ApplicationContext first = ApplicationContext.builder().build();
             ApplicationContext second = ApplicationContext.builder().build()) {
            assertThat(EarlyPriming.awaitCompletion(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(CountingPrimer.RUNS.get()).isEqualTo(1);
        assertThat(CountingPrimer.thread).isEqualTo("early-priming");
    }
}
