package dev.penguinmails.sending.sender;

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
 * The SQS handler of queue {@code sending-sends}: each message is a {@link SendTask}, the batch's tasks one
 * {@link SendBatch}. A temporary failure is queued again with its backoff as delay (the claim counts the attempts);
 * an exception leaves the message to SQS's redelivery, which the claim makes harmless (decision 0052).
 */
public class SendsConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(SendsConsumer.class);

    /** The constructor Lambda uses. */
    public SendsConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public SendsConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        SenderWorker worker = applicationContext.getBean(SenderWorker.class);
        SendQueue queue = applicationContext.getBean(SendQueue.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        SendBatch batch = new SendBatch();
        try {
            for (SQSMessage message : messages) {
                try {
                    SendTask task = json.readValue(message.getBody(), SendTask.class);
                    SenderWorker.Result result = worker.send(task, batch);
                    LOG.info("Send {} step {}: {} ({})", task.enrolmentId(), task.step(), result.outcome(), result.detail());
                    if (result.outcome() == SenderWorker.Outcome.RETRY) {
                        queue.enqueue(task, result.retryAfter());
                    }
                } catch (Exception e) {
                    LOG.error("Send task {} failed; SQS delivers it again", message.getMessageId(), e);
                    failures.add(new BatchItemFailure(message.getMessageId()));
                }
            }
        } finally {
            worker.close(batch);
        }
        return new SQSBatchResponse(failures);
    }
}
