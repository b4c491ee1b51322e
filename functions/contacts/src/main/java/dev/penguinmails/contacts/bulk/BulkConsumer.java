package dev.penguinmails.contacts.bulk;

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
 * The SQS handler of queue {@code contacts-bulk}: each message is a chunk of a bulk operation (from family
 * contacts-query) to apply. A message that fails is retried after the visibility timeout; on its last try (the
 * queue's receives before its dead-letter queue) its contacts are counted as failed, so the operation still ends.
 */
public class BulkConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BulkConsumer.class);

    /** The constructor Lambda uses. */
    public BulkConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public BulkConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        BulkApplier applier = applicationContext.getBean(BulkApplier.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        for (SQSMessage message : messages) {
            BulkChunk chunk = null;
            try {
                chunk = json.readValue(message.getBody(), BulkChunk.class);
                LOG.info("Bulk operation {} chunk {}: {}", chunk.operationId(), chunk.chunk(), applier.apply(chunk));
            } catch (Exception e) {
                LOG.error("Bulk message {} failed; it will be retried", message.getMessageId(), e);
                if (chunk == null || attempts(message) < MAX_ATTEMPTS || !gaveUp(applier, chunk)) {
                    failures.add(new BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static boolean gaveUp(BulkApplier applier, BulkChunk chunk) {
        try {
            applier.giveUp(chunk);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Bulk operation {} chunk {} could not be counted as failed", chunk.operationId(), chunk.chunk(), e);
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
