package dev.penguinmails.events.publish;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.shared.concurrent.DaemonPool;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes domain events to the PenguinMails event bus ({@code penguinmails.event-bus}). Every event is
 * checked against its schema before anything is sent; events go out in PutEvents calls of at most 10
 * entries and 256 KB, up to {@value #CALLS_IN_FLIGHT} calls at once (an import announces a hundred contacts
 * at a time); entries EventBridge rejects are retried on their own with backoff and jitter, and whatever
 * still fails is reported in one {@link EventPublishException}. EventBridge keeps no order between calls
 * anyway: consumers apply events by version.
 */
@Singleton
public class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    /** PutEvents calls of one publish in flight at once. */
    static final int CALLS_IN_FLIGHT = 4;

    /** Entry errors that no retry can fix: the entry itself or the permissions are wrong. */
    private static final Set<String> PERMANENT_ERRORS = Set.of("MalformedDetail", "InvalidArgument",
            "ValidationException", "NotAuthorizedForSourceException", "NotAuthorizedForDetailTypeException",
            "AccessDeniedException", "ResourceNotFoundException");

    private final EventBridgeClient eventBridge;
    private final EventCodec codec;
    private final String busName;
    private final RetryPolicy retry;
    private final DaemonPool calls = new DaemonPool("event-publisher", CALLS_IN_FLIGHT);

    @Inject
    public EventPublisher(EventBridgeClient eventBridge, EventCodec codec,
                          @Property(name = ConfigKeys.EVENT_BUS) @Nullable String busName,
                          PublishSettings settings) {
        this(eventBridge, codec, busName, settings.retryPolicy());
    }

    /**
     * A publisher to {@code busName}. A family whose access publishes no events has no bus: its publisher exists
     * (shared beans may hold one) but refuses to publish.
     */
    public EventPublisher(EventBridgeClient eventBridge, EventCodec codec, @Nullable String busName, RetryPolicy retry) {
        if (busName != null && busName.isBlank()) {
            throw new IllegalArgumentException("property " + ConfigKeys.EVENT_BUS + " (the event bus name) is blank");
        }
        this.eventBridge = eventBridge;
        this.codec = codec;
        this.busName = busName;
        this.retry = retry;
    }

    /** Publishes one event; see {@link #publish(List)}. */
    public void publish(DomainEvent<?> event) {
        publish(List.of(event));
    }

    /**
     * Publishes {@code events}. Returns once EventBridge has accepted every one.
     *
     * @throws dev.penguinmails.events.InvalidEventException if an event breaks its schema (nothing is sent)
     * @throws IllegalArgumentException if two events share an id or one exceeds 256 KB (nothing is sent)
     * @throws EventPublishException    if some events were still rejected after every attempt; the
     *                                  others were published
     */
    public void publish(List<? extends DomainEvent<?>> events) {
        publishEncoded(events.stream().map(this::encode).toList());
    }

    /**
     * The EventBridge fields of {@code event}, checked against its schema; what an outbox stores.
     *
     * @throws dev.penguinmails.events.InvalidEventException if the event breaks its schema
     */
    public EncodedEvent encode(DomainEvent<?> event) {
        return new EncodedEvent(event.eventId(), event.type().source(), event.type().detailType(),
                codec.toDetail(event), event.occurredAt());
    }

    /** Publishes events encoded earlier (by {@link #encode}); otherwise as {@link #publish(List)}. */
    public void publishEncoded(List<EncodedEvent> events) {
        if (busName == null) {
            throw new IllegalStateException("property " + ConfigKeys.EVENT_BUS + " is not set: this function's "
                    + "access publishes no events");
        }
        List<Pending> pending = new ArrayList<>(events.size());
        Set<String> ids = new HashSet<>();
        for (EncodedEvent event : events) {
            if (!ids.add(event.eventId())) {
                throw new IllegalArgumentException("event " + event.eventId() + " appears twice in one publish call");
            }
            pending.add(new Pending(event.eventId(), entry(event)));
        }
        List<List<Pending>> batches = PutEventsBatches.split(pending, Pending::entry);
        List<EventPublishException.Failure> failures = new ArrayList<>();
        if (batches.size() == 1) {
            failures.addAll(send(batches.get(0)));
        } else {
            List<CompletableFuture<List<EventPublishException.Failure>>> sent = batches.stream()
                    .map(batch -> CompletableFuture.supplyAsync(() -> send(batch), calls.get())).toList();
            for (CompletableFuture<List<EventPublishException.Failure>> call : sent) {
                try {
                    failures.addAll(call.join());
                } catch (CompletionException e) {
                    sent.forEach(f -> f.handle((v, t) -> null).join());
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new EventPublishException(busName, events.size(), failures);
        }
    }

    private PutEventsRequestEntry entry(EncodedEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(event.source())
                .detailType(event.detailType())
                .detail(event.detail())
                .time(event.time())
                .build();
    }

    /** Sends one batch, retrying its failed entries; returns those that never got through. */
    private List<EventPublishException.Failure> send(List<Pending> batch) {
        List<EventPublishException.Failure> permanent = new ArrayList<>();
        List<Pending> remaining = batch;
        List<EventPublishException.Failure> lastErrors = List.of();
        for (int attempt = 1; ; attempt++) {
            List<Pending> retryable = new ArrayList<>();
            List<EventPublishException.Failure> errors = new ArrayList<>();
            try {
                PutEventsResponse response = eventBridge.putEvents(PutEventsRequest.builder()
                        .entries(remaining.stream().map(Pending::entry).toList()).build());
                List<PutEventsResultEntry> results = response.entries();
                for (int i = 0; i < remaining.size(); i++) {
                    // Results line up with the request entries by position.
                    PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
                    if (result != null && result.errorCode() == null && result.eventId() != null) {
                        continue;
                    }
                    Pending p = remaining.get(i);
                    String code = result == null ? "MissingResult" : result.errorCode();
                    String message = result == null ? "no result entry for this event" : result.errorMessage();
                    EventPublishException.Failure failure = new EventPublishException.Failure(p.eventId(), code, message, attempt);
                    if (PERMANENT_ERRORS.contains(code)) {
                        permanent.add(failure);
                    } else {
                        retryable.add(p);
                        errors.add(failure);
                    }
                }
            } catch (SdkException e) {
                // The SDK has already retried the call itself; a retryable error may still pass later.
                for (Pending p : remaining) {
                    EventPublishException.Failure failure = new EventPublishException.Failure(
                            p.eventId(), e.getClass().getSimpleName(), e.getMessage(), attempt);
                    if (e.retryable()) {
                        retryable.add(p);
                        errors.add(failure);
                    } else {
                        permanent.add(failure);
                    }
                }
            }
            if (retryable.isEmpty()) {
                return permanent;
            }
            lastErrors = errors;
            if (attempt >= retry.maxAttempts()) {
                break;
            }
            Duration wait = retry.backoff(attempt, ThreadLocalRandom.current());
            LOG.warn("EventBridge rejected {} of {} entries on attempt {} ({}); retrying in {} ms",
                    retryable.size(), remaining.size(), attempt, errors.get(0).errorCode(), wait.toMillis());
            if (!sleep(wait)) {
                break;
            }
            remaining = retryable;
        }
        List<EventPublishException.Failure> failed = new ArrayList<>(permanent);
        failed.addAll(lastErrors);
        return failed;
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            // Keep the interrupt for the caller and give up on the retries: the failures are reported.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Pending(String eventId, PutEventsRequestEntry entry) { }
}
