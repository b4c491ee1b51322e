package dev.penguinmails.sending.sender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private record Delivered(String messageId, SendTask task) { }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        SenderWorker worker = applicationContext.getBean(SenderWorker.class);
        SendQueue queue = applicationContext.getBean(SendQueue.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        List<Delivered> tasks = new ArrayList<>();
        for (SQSMessage message : messages) {
            try {
                tasks.add(new Delivered(message.getMessageId(), json.readValue(message.getBody(), SendTask.class)));
            } catch (Exception e) {
                LOG.error("Send task {} unreadable; SQS delivers it again", message.getMessageId(), e);
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        SendBatch batch = new SendBatch();
        try {
            worker.prefetch(batch, tasks.stream().map(Delivered::task).toList());
        } catch (RuntimeException e) {
            LOG.warn("Batched reads failed, each send reads for itself: {}", e.toString());
        }
        for (Delivered delivered : tasks) {
            SendTask task = delivered.task();
            try {
                SenderWorker.Result result = worker.send(task, batch);
                LOG.info("Send {} step {}: {} ({})", task.enrolmentId(), task.step(), result.outcome(), result.detail());
                if (result.outcome() == SenderWorker.Outcome.RETRY) {
                    queue.enqueue(task, result.retryAfter());
                }
            } catch (Exception e) {
                LOG.error("Send task {} failed; SQS delivers it again", delivered.messageId(), e);
                failures.add(new BatchItemFailure(delivered.messageId()));
            }
        }
        try {
            worker.close(batch);
        } catch (RuntimeException e) {
            // What the batch owes at its end was not written: every task comes back, and finishing is repeatable.
            LOG.error("Closing the batch failed; SQS delivers its tasks again", e);
            Set<String> failed = new HashSet<>();
            failures.forEach(f -> failed.add(f.getItemIdentifier()));
            tasks.stream().filter(d -> !failed.contains(d.messageId()))
                    .forEach(d -> failures.add(new BatchItemFailure(d.messageId())));
        }
        return new SQSBatchResponse(failures);
    }
}
