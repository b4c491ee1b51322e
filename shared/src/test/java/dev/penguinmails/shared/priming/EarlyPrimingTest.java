package dev.penguinmails.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
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

    @Test
    void aPrimerAnEntryPointAddsRunsAfterTheListedOnes() {
        Primer own = new Primer() {
            @Override
            public String name() {
                return "entry-point's own";
            }

            @Override
            public void prime() { }
        };
        EarlyPriming.add(() -> own);

        List<Primer> order = EarlyPriming.listed().stream().map(java.util.function.Supplier::get).toList();

        assertThat(order).hasSizeGreaterThanOrEqualTo(3);
        assertThat(order.subList(0, order.size() - 1)).as("the listed ones first")
                .hasAtLeastOneElementOfType(AwsSdkPrimer.class).hasAtLeastOneElementOfType(CountingPrimer.class);
        assertThat(order.get(order.size() - 1)).isSameAs(own);
    }
}
