package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Any;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/** Answers the request id of the Lambda context Micronaut injects, for the context-leak test. */
public class RequestIdHandler extends MicronautRequestHandler<Map<String, Object>, String> {
    @Inject
    @Any
    BeanProvider<Context> context;

    @Override
    public String execute(Map<String, Object> input) {
        return context.get().getAwsRequestId();
    }
}
