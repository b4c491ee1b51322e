package dev.penguinmails.shared.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Replaces micronaut-aws 4.11.0's {@link DefaultLambdaContextFactory}, which registers four new
 * singletons on every invocation and never removes them (warm latency and heap grow with each call).
 *
 * <p>It keeps the same contract, that {@link Context}, {@link LambdaLogger}, {@link ClientContext} and
 * {@link CognitoIdentity} can be injected ({@code @Any BeanProvider<Context>}) and reflect the current
 * invocation, but registers each type at most once: a delegate that reads the invocation's context
 * from {@link CurrentLambdaContext}.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class CurrentLambdaContextFactory implements LambdaContextFactory {
    private final BeanContext beanContext;
    private final CurrentLambdaContext current;
    private boolean contextRegistered;
    private boolean loggerRegistered;
    private boolean clientContextRegistered;
    private boolean identityRegistered;

    public CurrentLambdaContextFactory(BeanContext beanContext) {
        this.beanContext = beanContext;
        this.current = new CurrentLambdaContext();
    }

    @Override
    public void registerSingletons(Context context) {
        current.set(context);
        // The default factory registers a type only when the context has a value for it; so do we,
        // but once, since the delegate then follows every later invocation.
        synchronized (this) {
            if (!contextRegistered) {
                beanContext.registerSingleton(Context.class, current);
                contextRegistered = true;
            }
            if (!loggerRegistered && context.getLogger() != null) {
                beanContext.registerSingleton(LambdaLogger.class, current.logger());
                loggerRegistered = true;
            }
            if (!clientContextRegistered && context.getClientContext() != null) {
                beanContext.registerSingleton(ClientContext.class, current.clientContext());
                clientContextRegistered = true;
            }
            if (!identityRegistered && context.getIdentity() != null) {
                beanContext.registerSingleton(CognitoIdentity.class, current.identity());
                identityRegistered = true;
            }
        }
    }

    /** The context of the invocation in progress on this thread (else the latest one), if any. */
    public Optional<Context> currentContext() {
        return current.current();
    }
}
