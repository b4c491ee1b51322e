package dev.penguinmails.events.consume;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.InvalidEventException;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every SQS-triggered Lambda that consumes domain events routed by an EventBridge rule. For
 * each message it reads and validates the event, skips it if this consumer already processed its
 * {@code eventId}, calls {@link #handle} otherwise, and reports each failed message in
 * {@code batchItemFailures} (the queue's event source mapping must enable ReportBatchItemFailures),
 * so only those come back, and after {@code maxReceiveCount} go to the dead-letter queue. One bad
 * message never fails the others.
 *
 * <p>Subclasses keep {@link #handle} thin: they call a capability and let exceptions escape.
 * Idempotency records go to the table named by {@code penguinmails.idempotency.table}.
 *
 * <p>A claim on an event lasts until the invocation's deadline. Where no Lambda context tells it, the lease
 * is {@code penguinmails.consumers.<consumerName>.lease} if set, else the function's timeout
 * ({@code penguinmails.function.timeout-seconds}), else SQS's default visibility timeout (30 s), plus a few
 * seconds for clock skew. It must end before the queue's visibility timeout does (which the topology holds
 * at six times the function's timeout or more), or a redelivered message would find its event still held
 * and fail again, until it reached the dead-letter queue.
 *
 * @param <T> the payload type (or a common supertype of the payloads) this consumer accepts
 */
public abstract class SqsEventConsumer<T extends Record> extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventConsumer.class);
    /** Time past the invocation's deadline before its claims may be taken over, for clock skew. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    /** SQS's default visibility timeout: the lease when neither the consumer nor the function says more. */
    private static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private EventCodec codec;
    private ConsumedEventStore consumed;

    /** The constructor Lambda uses: it starts a Micronaut context for this function. */
    protected SqsEventConsumer() {
        super();
        resolveCollaborators();
    }

    /** For tests and the local stack: runs inside an existing context. */
    protected SqsEventConsumer(ApplicationContext applicationContext) {
        super(applicationContext);
        resolveCollaborators();
    }

    /**
     * A stable name for this consumer, e.g. {@code identity-emails}. Idempotency records are kept per
     * name, so renaming it makes every retained event look new.
     */
    protected abstract String consumerName();

    /**
     * The event types this consumer handles, from {@link dev.penguinmails.events.EventTypes} or declared by
     * the function itself (their schemas on its classpath). Other registered types on its queue are
     * acknowledged and skipped (a rule may route a whole source); unknown or invalid events are reported
     * as failed.
     */
    protected abstract Set<EventType<? extends T>> eventTypes();

    /**
     * Does the work for one event, at most once per {@code eventId} when it returns normally. Throw to
     * have the message retried; the event is then not marked processed.
     */
    protected abstract void handle(DomainEvent<T> event) throws Exception;

    private void resolveCollaborators() {
        // Resolved while the function initialises (before a SnapStart snapshot), not on the first event.
        this.codec = applicationContext.getBean(EventCodec.class);
        this.consumed = applicationContext.getBean(ConsumedEventStore.class);
    }

    /** The property that sets this consumer's lease, {@code penguinmails.consumers.<consumerName>.lease}. */
    public static String leaseProperty(String consumerName) {
        return "penguinmails.consumers." + consumerName + ".lease";
    }

    /** How long a claim stands when no Lambda context gives the invocation's deadline. */
    protected Duration fallbackLease() {
        return applicationContext.getProperty(leaseProperty(consumerName()), Duration.class)
                .or(() -> applicationContext.getProperty(ConfigKeys.FUNCTION_TIMEOUT_SECONDS, Integer.class)
                        .filter(seconds -> seconds > 0).map(Duration::ofSeconds))
                .orElse(DEFAULT_LEASE)
                .plus(LEASE_MARGIN);
    }

    @Override
    public final SQSBatchResponse execute(SQSEvent input) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        boolean failRest = false;
        for (SQSEvent.SQSMessage message : records) {
            // In a FIFO queue nothing after a failed message may be processed, or order would break.
            if (failRest || !process(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                failRest = failRest || isFifo(message);
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** Processes one message; false if it must be retried (or, if it never can succeed, dead-lettered). */
    private boolean process(SQSEvent.SQSMessage message) {
        MDC.put("messageId", message.getMessageId());
        try {
            EventCodec.Envelope envelope = codec.parse(message.getBody());
            Optional<EventType<? extends T>> accepted = eventTypes().stream()
                    .filter(t -> t.detailType().equals(envelope.detailType()))
                    .findFirst();
            if (accepted.isEmpty()) {
                if (envelope.type().isEmpty()) {
                    throw new InvalidEventException("unknown detail-type '" + envelope.detailType() + "'");
                }
                // Rules may route a whole source to a queue; types this consumer does not handle are not its business.
                LOG.debug("Consumer {} ignores {} from {}", consumerName(), envelope.detailType(), envelope.source());
                return true;
            }
            DomainEvent<T> event = narrow(codec.decode(envelope, accepted.get()));
            MDC.put("eventId", event.eventId());
            MDC.put("workspaceId", event.workspaceId());
            return processOnce(event);
        } catch (InvalidEventException e) {
            LOG.error("Consumer {} cannot read message {} (receive count {}); it will reach the dead-letter queue: {}",
                    consumerName(), message.getMessageId(), receiveCount(message), e.getMessage());
            return false;
        } catch (Exception e) {
            LOG.error("Consumer {} failed on message {} (receive count {}); it will be retried",
                    consumerName(), message.getMessageId(), receiveCount(message), e);
            return false;
        } finally {
            MDC.remove("messageId");
            MDC.remove("eventId");
            MDC.remove("workspaceId");
        }
    }

    private boolean processOnce(DomainEvent<T> event) throws Exception {
        String consumer = consumerName();
        Claim claim = consumed.claim(consumer, event.eventId(), lease());
        if (claim instanceof Claim.AlreadyDone) {
            LOG.info("Consumer {} skips {} {}: already processed", consumer, event.type().detailType(), event.eventId());
            return true;
        }
        if (claim instanceof Claim.Busy busy) {
            LOG.warn("Consumer {} defers {} {}: another invocation holds it until {}",
                    consumer, event.type().detailType(), event.eventId(), busy.leaseUntil());
            return false;
        }
        Claim.Acquired acquired = (Claim.Acquired) claim;
        try {
            handle(event);
        } catch (Exception e) {
            releaseQuietly(acquired);
            throw e;
        }
        try {
            if (!consumed.markDone(acquired)) {
                LOG.warn("Consumer {} finished {} after its lease ran out and another invocation took it over; "
                        + "its effect may happen twice", consumer, event.eventId());
            }
        } catch (RuntimeException e) {
            // The work is done: reporting failure would only make the retry repeat it once the lease ends.
            LOG.error("Consumer {} handled {} but could not record it; a duplicate delivery after {} would repeat it",
                    consumer, event.eventId(), acquired.leaseUntil(), e);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private DomainEvent<T> narrow(DomainEvent<? extends T> event) {
        // Safe: events are immutable, so a DomainEvent<X> with X a T can be read as a DomainEvent<T>.
        return (DomainEvent<T>) event;
    }

    /** Until when a claim may stand: the invocation's deadline if Lambda told us, else {@link #fallbackLease}. */
    private Duration lease() {
        int remaining;
        try {
            remaining = applicationContext.findBean(Context.class).map(Context::getRemainingTimeInMillis).orElse(0);
        } catch (RuntimeException noSingleContext) {
            remaining = 0;
        }
        return remaining > 0 ? Duration.ofMillis(remaining).plus(LEASE_MARGIN) : fallbackLease();
    }

    private void releaseQuietly(Claim.Acquired claim) {
        try {
            consumed.release(claim);
        } catch (RuntimeException e) {
            // The lease runs out on its own; the retry waits for it.
            LOG.warn("Consumer {} could not release its claim on {}", claim.consumer(), claim.eventId(), e);
        }
    }

    private static boolean isFifo(SQSEvent.SQSMessage message) {
        return message.getAttributes() != null && message.getAttributes().containsKey("MessageGroupId");
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}
