package dev.penguinmails.local.e2e;

import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.LocalStackOptions;
import dev.penguinmails.testsupport.TestAws;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link SharedLocalStack}'s mechanics: one stack per test JVM, started on first use and stopped when the JVM exits.
 * It is held by the JVM, not by JUnit's root context: with several surefire forks each class may run in a launcher
 * session of its own, whose root context closes after the class, and a stack started again on the same emulators
 * would provision everything a second time. Resolves {@link LocalStack} and {@link StackAccounts} parameters of
 * lifecycle methods, constructors and tests.
 */
public final class SharedLocalStackExtension implements ParameterResolver {
    /** The name prefix of the shared stack's tables, queues and buckets on the shared emulators. */
    static final String PREFIX = "e2e-shared-";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalStack.class || type == StackAccounts.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = Running.get();
        return parameter.getParameter().getType() == LocalStack.class ? running.stack : running.accounts;
    }

    /** The JVM's shared stack; a start that failed is not retried, every later class gets its reason at once. */
    private static final class Running {
        private static Running running;
        private static RuntimeException startFailure;

        private final LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withLocalAws(TestAws.shared(), PREFIX));
        private final StackAccounts accounts = new StackAccounts(stack.apiBaseUrl());

        static synchronized Running get() {
            if (running == null) {
                if (startFailure != null) {
                    throw startFailure;
                }
                try {
                    Running started = new Running();
                    Runtime.getRuntime().addShutdownHook(new Thread(started.stack::stop, "penguinmails-shared-stack-stop"));
                    running = started;
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return running;
        }
    }
}
