package dev.penguinmails.contacts.exports;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code contacts-exports}: each message names an export whose next slice to work. A
 * message that cannot be handled is reported failed and comes back after the visibility timeout; the export's
 * checkpoint keeps the parts already uploaded. On its last try (the queue's receives before its dead-letter queue)
 * a failure ends the export as failed, so that it does not show as running for ever.
 */
public class ExportConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportConsumer.class);

    /** The constructor Lambda uses. */
    public ExportConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public ExportConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        ExportWorker worker = applicationContext.getBean(ExportWorker.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        int maxAttempts = applicationContext.getBean(ExportSettings.class).maxAttempts();
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        for (SQSMessage message : messages) {
            ExportQueue.Slice slice = null;
            try {
                slice = json.readValue(message.getBody(), ExportQueue.Slice.class);
                LOG.info("Export {}: {}", slice.exportId(), worker.run(slice.workspaceId(), slice.exportId()));
            } catch (Exception e) {
                LOG.error("Export message {} failed; it will be retried", message.getMessageId(), e);
                if (slice == null || attempts(message) < maxAttempts || !gaveUp(worker, slice)) {
                    failures.add(new BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static boolean gaveUp(ExportWorker worker, ExportQueue.Slice slice) {
        try {
            worker.giveUp(slice.workspaceId(), slice.exportId());
            return true;
        } catch (RuntimeException e) {
            LOG.error("Export {} could not be ended as failed", slice.exportId(), e);
            return false;
        }
    }

    private static int attempts(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
