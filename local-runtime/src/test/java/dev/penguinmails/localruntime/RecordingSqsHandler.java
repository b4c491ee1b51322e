package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Any;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;

/**
 * An SQS handler for the invoker tests: remembers what it saw (the event and the Lambda context
 * Micronaut injects) and reports records whose body is "fail" as batch item failures.
 */
public class RecordingSqsHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    static volatile SQSEvent lastEvent;
    static volatile String lastRequestId;
    static volatile String lastFunctionName;
    static volatile int lastRemainingMillis;

    @Inject
    @Any
    BeanProvider<Context> context;

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        lastEvent = input;
        Context current = context.get();
        lastRequestId = current.getAwsRequestId();
        lastFunctionName = current.getFunctionName();
        lastRemainingMillis = current.getRemainingTimeInMillis();
        List<SQSBatchResponse.BatchItemFailure> failures = input.getRecords().stream()
                .filter(r -> "fail".equals(r.getBody()))
                .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }
}
