package dev.penguinmails.billing.webhooks;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import dev.penguinmails.billing.stripe.StripeGateway;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;

/**
 * The scheduled Lambda (topology: {@code replay-stripe-events}, hourly) that processes the events Stripe could not
 * deliver to the webhook within the replay window.
 */
public class StripeEventReplayJob extends MicronautRequestHandler<ScheduledEvent, StripeEventReplayJob.Summary> {
    public StripeEventReplayJob() { }

    public StripeEventReplayJob(ApplicationContext context) {
        super(context);
    }

    @Override
    public Summary execute(ScheduledEvent event) {
        StripeGateway stripe = applicationContext.getBean(StripeGateway.class);
        StripeEventHandler handler = applicationContext.getBean(StripeEventHandler.class);
        Duration window = applicationContext.getBean(ReplaySettings.class).window();
        long since = Instant.now().minus(window).getEpochSecond();
        int seen = 0;
        int processed = 0;
        int failed = 0;
        try {
            String after = null;

            StripeCollection<Event> page;
            do {
                page = stripe.undeliveredEvents(since, after);
                for (Event e : page.getData()) {
                    seen++;
                    after = e.getId();
                    StripeEventNotice notice = notice(e);
                    // The claim in handleOnce skips the events that did arrive another way meanwhile.
                    if (notice != null && HandledEvents.TYPES.contains(notice.type())) {
                        if (handler.handleOnce(notice)) {
                            processed++;
                        } else {
                            failed++;
                        }
                    }
                }
            } while (Boolean.TRUE.equals(page.getHasMore()));
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe did not list undelivered events: " + e.getMessage(), e);
        }
        return new Summary(seen, processed, failed);
    }

    /** The notice of {@code event}, read from its raw JSON (whatever API version made it); null without an object id. */
    private static StripeEventNotice notice(Event event) {
        String raw = event.getDataObjectDeserializer().getRawJson();
        if (raw == null) {
            return null;
        }
        JsonObject object = JsonParser.parseString(raw).getAsJsonObject();
        long created = event.getCreated() == null ? 0 : event.getCreated();
        return StripeEventNotice.of(event.getId(), event.getType(), created, object).orElse(null);
    }

    /** How many undelivered events were listed, processed and failed (to be retried on the next run). */
    @Serdeable
    public record Summary(int seen, int processed, int failed) { }
}
