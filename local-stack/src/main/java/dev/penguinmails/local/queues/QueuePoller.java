package dev.penguinmails.local.queues;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.functions.HandlerInvoker;
import dev.penguinmails.local.functions.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source mapping for one queue handler: long-polls the queue, gathers up to
 * {@code batchSize} messages within the batching window, invokes the handler, then deletes every
 * message the handler did not report in {@code batchItemFailures}. Up to {@code maximumConcurrency}
 * batches are in work at once, each gathered and invoked by a poller thread of its own. When the handler
 * throws or times out, nothing is deleted: the messages come back after the visibility timeout, and the
 * queue's redrive policy moves them to the DLQ after {@code maxReceiveCount} receives. Like disabling and
 * enabling a mapping, {@link #pause} and {@link #resume} stop and restart receiving.
 */
public final class QueuePoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);
    /** Short long-polls, so that stopping never waits long. */
    private static final int WAIT_SECONDS = 1;
    /** How long {@link #pause} waits for a batch in progress; past it the batch still finishes, unwatched. */
    private static final long PAUSE_WAIT_MILLIS = 30_000;

    private final Settings settings;
    private final SqsClient sqs;
    private final HandlerInvoker invoker;
    private final SqsEvents events;
    private final ObjectMapper json;
    private final List<Thread> threads;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicInteger inWork = new AtomicInteger();
    private final AtomicInteger mostInWork = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean paused;
    /** Guards {@code idle}; poller threads wait on it while paused. */
    private final Object gate = new Object();
    private int idle;

    /**
     * What to poll and how.
     *
     * @param name                     for logs and thread names, e.g. {@code identity-emails}
     * @param maxBatchingWindowSeconds how long to keep gathering a batch once a message has arrived
     * @param maximumConcurrency       how many batches may be in work at once
     */
    public record Settings(String name, String queueUrl, String queueArn, int batchSize, int maxBatchingWindowSeconds,
                           int maximumConcurrency) {
        public Settings {
            Objects.requireNonNull(queueUrl, "queueUrl");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            if (maximumConcurrency < 1) {
                throw new IllegalArgumentException("maximumConcurrency must be positive");
            }
        }

        /** One batch at a time. */
        public Settings(String name, String queueUrl, String queueArn, int batchSize, int maxBatchingWindowSeconds) {
            this(name, queueUrl, queueArn, batchSize, maxBatchingWindowSeconds, 1);
        }
    }

    public QueuePoller(Settings settings, SqsClient sqs, HandlerInvoker invoker, SqsEvents events, ObjectMapper json) {
        this.settings = settings;
        this.sqs = sqs;
        this.invoker = invoker;
        this.events = events;
        this.json = json;
        List<Thread> pollers = new ArrayList<>();
        for (int i = 1; i <= settings.maximumConcurrency(); i++) {
            Thread thread = new Thread(this::run, "sqs-poller-" + settings.name() + "-" + i);
            thread.setDaemon(true);
            pollers.add(thread);
        }
        this.threads = List.copyOf(pollers);
    }

    /** The queue's ARN, which Lambda puts in each record's {@code eventSourceARN}. */
    public static String queueArn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    public QueuePoller start() {
        running = true;
        threads.forEach(Thread::start);
        return this;
    }

    public boolean isRunning() {
        return running && threads.stream().allMatch(Thread::isAlive);
    }

    /**
     * Stops receiving. Returns once the poller waits idle: a receive in flight has ended and a batch in
     * progress has been handled and deleted (or after 30 s of a slow batch),
     * so a message sent after this returns stays in the queue until {@link #resume}.
     */
    public void pause() {
        synchronized (gate) {
            paused = true;
            long deadline = System.currentTimeMillis() + PAUSE_WAIT_MILLIS;
            while (idle < threads.size() && running && isRunning()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.warn("{}: paused, but the batch in progress is still running", settings.name());
                    return;
                }
                try {
                    gate.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.info("{}: paused", settings.name());
    }

    /** Starts receiving again after {@link #pause}. */
    public void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
        LOG.info("{}: resumed", settings.name());
    }

    public boolean isPaused() {
        return paused;
    }

    /** How many batches have been handed to the handler so far. */
    public long batchesInvoked() {
        return batches.get();
    }

    /** How many batches the function did not finish within its timeout. */
    public long batchesAbandoned() {
        return abandoned.get();
    }

    /** The most batches that were in work at the same time so far. */
    public int mostBatchesInWork() {
        return mostInWork.get();
    }

    public Settings settings() {
        return settings;
    }

    /** Stops polling and waits (briefly) for a batch in progress. */
    @Override
    public void close() {
        running = false;
        synchronized (gate) {
            gate.notifyAll();
        }
        threads.forEach(Thread::interrupt);
        long deadline = System.currentTimeMillis() + 5_000;
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                if (!awaitResumed()) {
                    return;
                }
                List<Message> batch = gather();
                if (!batch.isEmpty() && running) {
                    process(batch);
                }
            } catch (AbortedException e) {
                // Interrupted by close().
            } catch (SdkException e) {
                if (running) {
                    LOG.warn("{}: polling failed, retrying: {}", settings.name(), e.getMessage());
                    sleep(1_000);
                }
            } catch (RuntimeException e) {
                LOG.error("{}: poller error", settings.name(), e);
                sleep(1_000);
            }
        }
    }

    /** Waits while paused, idle; false if the poller was stopped meanwhile. */
    private boolean awaitResumed() {
        synchronized (gate) {
            if (!paused || !running) {
                return running;
            }
            idle++;
            gate.notifyAll();
            while (paused && running) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    // close() interrupts; the loop condition sees that it is no longer running.
                }
            }
            idle--;
            return running;
        }
    }

    /**
     * Receives until the batch is full, the batching window has passed, or a poll comes back empty.
     * Once paused it receives no more, and what it already holds is handled as the batch in progress.
     */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        long windowEnd = Long.MAX_VALUE;
        while (running && !paused && batch.size() < settings.batchSize()) {
            int wait = batch.isEmpty() ? WAIT_SECONDS
                    : (int) Math.min(WAIT_SECONDS, Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000_000L));
            int max = Math.min(10, settings.batchSize() - batch.size());
            List<Message> received = receive(sqs, settings.queueUrl(), max, wait);
            if (batch.isEmpty()) {
                if (received.isEmpty()) {
                    return batch;
                }
                windowEnd = System.nanoTime() + settings.maxBatchingWindowSeconds() * 1_000_000_000L;
            }
            batch.addAll(received);
            if (System.nanoTime() >= windowEnd || (received.isEmpty() && wait == 0)) {
                break;
            }
        }
        return batch;
    }

    /**
     * One receive as Lambda's poller makes it, with every system and message attribute, which the
     * SQS event carries.
     */
    public static List<Message> receive(SqsClient sqs, String queueUrl, int maxMessages, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(maxMessages)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .attributeNamesWithStrings("All")
                .messageAttributeNames("All")).messages();
    }

    private void process(List<Message> batch) {
        List<String> ids = batch.stream().map(Message::messageId).toList();
        batches.incrementAndGet();
        mostInWork.accumulateAndGet(inWork.incrementAndGet(), Math::max);
        Outcome outcome;
        try {
            outcome = invoker.invoke(events.toEvent(batch, settings.queueArn()));
        } finally {
            inWork.decrementAndGet();
        }
        if (outcome instanceof Outcome.TimedOut) {
            abandoned.incrementAndGet();
        }
        BatchResult result = outcome instanceof Outcome.Succeeded ok
                ? BatchResult.parse(json, ok.responseJson(), ids)
                : BatchResult.allFailed(ids);
        delete(sqs, settings.queueUrl(), settings.name(), result.handled(batch));
        if (outcome instanceof Outcome.Succeeded) {
            LOG.info("{}: {} message(s) handled, {} reported failed{} ({} ms)", settings.name(), batch.size(),
                    result.failedMessageIds().size(), result.wholeBatchFailed() ? " (the whole batch)" : "",
                    outcome.took().toMillis());
        } else {
            LOG.warn("{}: {} message(s) not handled ({}); they return after the visibility timeout",
                    settings.name(), batch.size(), describe(outcome));
        }
    }

    /** Deletes the messages in chunks of ten; {@code name} is for the log. */
    public static void delete(SqsClient sqs, String queueUrl, String name, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                LOG.warn("{}: {} message(s) could not be deleted: {}", name, response.failed().size(),
                        response.failed());
            }
        }
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Failed failed) {
            return failed.errorType() + ": " + failed.errorMessage();
        }
        if (outcome instanceof Outcome.TimedOut timedOut) {
            return "timed out after " + timedOut.limit().toSeconds() + " s";
        }
        return "succeeded";
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
