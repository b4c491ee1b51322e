package dev.penguinmails.local.e2e;

import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.LocalStackOptions;
import dev.penguinmails.testsupport.TestAws;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link SharedLocalStack}'s mechanics: the stack lives in the root context's store, so JUnit starts it once per
 * test JVM (on first use) and closes it after the last class of the run. Resolves {@link LocalStack} and
 * {@link StackAccounts} parameters of lifecycle methods, constructors and tests.
 */
public final class SharedLocalStackExtension implements ParameterResolver {
    /** The name prefix of the shared stack's tables, queues and buckets on the shared emulators. */
    static final String PREFIX = "e2e-shared-";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalStack.class || type == StackAccounts.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == LocalStack.class ? running.stack : running.accounts;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> new Running(),
                Running.class);
    }

    /**
     * Closed by JUnit when the root context closes, that is after the run's last test: as an AutoCloseable by
     * JUnit 5.13 and later, as a CloseableResource by older ones (stopping twice does nothing).
     */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withLocalAws(TestAws.shared(), PREFIX));
        private final StackAccounts accounts = new StackAccounts(stack.apiBaseUrl());

        @Override
        public void close() {
            stack.stop();
        }
    }
}
