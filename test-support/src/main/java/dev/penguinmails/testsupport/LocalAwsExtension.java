package dev.penguinmails.testsupport;

import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.ProvisionedStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the shared {@link LocalAws}, a {@link ProvisionedStack} of its own (one per test
 * class, shared by its methods and {@code @Nested} classes) and a {@link Mailbox}, as parameters of
 * constructors, lifecycle methods and tests. Use it through {@link LocalAwsTest}.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);
    private static final String STACK = "stack";

    @Override
    public void beforeAll(ExtensionContext context) {
        // Start (or abort, for LocalStack without Docker) before any test or @BeforeAll of the class runs.
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalAws.class || type == ProvisionedStack.class || type == Mailbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ProvisionedStack.class) {
            return stack(context);
        }
        if (type == Mailbox.class) {
            return TestAws.mailbox();
        }
        return TestAws.shared();
    }

    /** The class's stack; stores are inherited, so methods and nested classes find the outer class's one. */
    private static ProvisionedStack stack(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(STACK, key -> TestAws.freshStack(), ProvisionedStack.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
