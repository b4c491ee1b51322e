package dev.penguinmails.domains.onboarding;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code domains-onboarding}: each message is one slice of one job. A message that cannot
 * be read, or a slice that fails outright, is reported failed and comes back after the visibility timeout (to the
 * dead-letter queue after five tries); the job's checkpoint keeps the rows already done.
 */
public class OnboardingConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(OnboardingConsumer.class);

    /** The constructor Lambda uses. */
    public OnboardingConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public OnboardingConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        OnboardingWorker worker = applicationContext.getBean(OnboardingWorker.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        for (SQSMessage message : messages) {
            try {
                OnboardingQueue.Slice slice = json.readValue(message.getBody(), OnboardingQueue.Slice.class);
                OnboardingWorker.SliceEnd end = worker.run(slice.workspaceId(), slice.jobId());
                LOG.info("Onboarding slice of {}: {}", slice.jobId(), end);
            } catch (Exception e) {
                LOG.error("Onboarding message {} failed; it will be retried", message.getMessageId(), e);
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
