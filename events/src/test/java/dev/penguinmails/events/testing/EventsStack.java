package dev.penguinmails.events.testing;

import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.testsupport.TestAws;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * A freshly provisioned copy of the PenguinMails stack on the shared emulators, and a Micronaut
 * context configured for it as a function would be, with the identity table as idempotency table.
 */
public final class EventsStack implements AutoCloseable {
    public static final String EMAILS_QUEUE = "identity-emails";

    private final ProvisionedStack stack;
    private final ApplicationContext context;

    private EventsStack(Map<String, Object> overrides) {
        this.stack = TestAws.freshStack();
        Map<String, Object> properties = new HashMap<>(stack.properties());
        properties.put("penguinmails.idempotency.table", stack.tableName("identity"));
        properties.putAll(overrides);
        this.context = ApplicationContext.run(properties);
    }

    public static EventsStack start() {
        return new EventsStack(Map.of());
    }

    public static EventsStack start(Map<String, Object> overrides) {
        return new EventsStack(overrides);
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public ApplicationContext context() {
        return context;
    }

    public LocalAws aws() {
        return TestAws.shared();
    }

    /**
     * Receives {@code count} messages from {@code queue}, as Lambda's poller would, and deletes them
     * (the handler's verdict is what the test checks); fails after 10 s with fewer.
     */
    public List<Message> receive(String queue, int count) {
        SqsClient sqs = aws().clients().sqs();
        String url = stack.queueUrl(queue);
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < count && System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(ReceiveMessageRequest.builder()
                    .queueUrl(url)
                    .maxNumberOfMessages(Math.min(10, count - received.size()))
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .build()).messages();
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            received.addAll(batch);
        }
        if (received.size() != count) {
            throw new AssertionError("expected " + count + " messages on " + queue + ", got " + received.size());
        }
        return received;
    }

    /** Deletes whatever is waiting on {@code queue}, so a test sees only its own messages. */
    public void drain(String queue) {
        SqsClient sqs = aws().clients().sqs();
        String url = stack.queueUrl(queue);
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
    }

    @Override
    public void close() {
        context.close();
    }
}
