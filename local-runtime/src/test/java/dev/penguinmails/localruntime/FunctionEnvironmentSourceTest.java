package dev.penguinmails.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentSourceTest {

    @AfterEach
    void forget() {
        LocalInvoker.configure(Map.of());
    }

    @Test
    void everyContextBuiltAfterConfigureReadsTheEnvironmentAndNoSystemPropertyIsSet() {
        LocalInvoker.configure(Map.of("penguinmails.tables.widgets", "local-widgets"));

        try (ApplicationContext context = ApplicationContext.builder().start()) {
            assertThat(context.getProperty("penguinmails.tables.widgets", String.class)).contains("local-widgets");
        }
        assertThat(System.getProperty("penguinmails.tables.widgets")).isNull();
    }

    @Test
    void aContextSeesNothingItWasNotGiven() {
        LocalInvoker.configure(Map.of("penguinmails.stage", "local"));

        try (ApplicationContext context = ApplicationContext.builder().start()) {
            assertThat(context.getProperty("penguinmails.tables.widgets", String.class)).isEmpty();
            assertThat(context.getProperty("penguinmails.stage", String.class)).contains("local");
        }
    }
}
