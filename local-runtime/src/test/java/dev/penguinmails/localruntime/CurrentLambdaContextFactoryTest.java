package dev.penguinmails.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.lambda.CurrentLambdaContextFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * micronaut-aws 4.11.0 registers new singletons on every invocation. These tests count the bean
 * definitions of the handler's context: they must stay flat over thousands of invocations.
 */
class CurrentLambdaContextFactoryTest {
    private static final int INVOCATIONS = 5_000;

    @BeforeAll
    static void randomServerPort() {
        HandlerTestProperties.set();
    }

    @AfterAll
    static void clearPort() {
        HandlerTestProperties.clear();
    }

    @Test
    void beanCountStaysFlatOverThousandsOfInvocationsAndTheContextIsAlwaysTheCurrentOne() throws Exception {
        try (RequestIdHandler handler = new RequestIdHandler()) {
            ApplicationContext context = handler.getApplicationContext();
            assertThat(context.getBean(LambdaContextFactory.class)).isInstanceOf(CurrentLambdaContextFactory.class);
            invoke(handler, "warm-up");
            int before = context.getAllBeanDefinitions().size();

            for (int i = 0; i < INVOCATIONS; i++) {
                String requestId = "req-" + i;
                assertThat(invoke(handler, requestId)).isEqualTo(requestId);
            }

            assertThat(context.getAllBeanDefinitions().size()).isEqualTo(before);
        }
    }

    @Test
    void theCountUsedAboveDoesSeeTheLeakOfTheDefaultFactory() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            DefaultLambdaContextFactory leaky = new DefaultLambdaContextFactory(context);
            leaky.registerSingletons(new LocalLambdaContext("warm-up", "f", Long.MAX_VALUE, 128));
            int before = context.getAllBeanDefinitions().size();

            for (int i = 0; i < 100; i++) {
                leaky.registerSingletons(new LocalLambdaContext("req-" + i, "f", Long.MAX_VALUE, 128));
            }

            assertThat(context.getAllBeanDefinitions().size() - before).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void injectedLoggerFollowsTheCurrentInvocation() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            CurrentLambdaContextFactory factory = new CurrentLambdaContextFactory(context);
            factory.registerSingletons(new LocalLambdaContext("one", "f", Long.MAX_VALUE, 128));
            com.amazonaws.services.lambda.runtime.Context injected =
                    context.getBean(com.amazonaws.services.lambda.runtime.Context.class);
            factory.registerSingletons(new LocalLambdaContext("two", "f", Long.MAX_VALUE, 128));

            assertThat(injected.getAwsRequestId()).isEqualTo("two");
            assertThat(context.getBean(com.amazonaws.services.lambda.runtime.LambdaLogger.class)).isNotNull();
            assertThat(factory.currentContext()).map(c -> c.getAwsRequestId()).contains("two");
        }
    }

    private static String invoke(RequestIdHandler handler, String requestId) {
        return handler.handleRequest(Map.of("n", 1), new LocalLambdaContext(requestId, "request-id", Long.MAX_VALUE, 512));
    }
}
