package dev.penguinmails.billing.usage;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the usage, quota and catalog tests: billing's context over its own {@link UsageTestStack}, stopped with the
 * class. Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class UsageStackTest implements TestPropertyProvider {
    @Inject
    protected ApplicationContext context;

    protected UsageTestStack stack;

    @Override
    public Map<String, String> getProperties() {
        stack = UsageTestStack.start();
        return stack.properties();
    }

    @AfterAll
    void stopStack() {
        stack.close();
    }
}
