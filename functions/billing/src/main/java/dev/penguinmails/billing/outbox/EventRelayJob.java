package dev.penguinmails.billing.outbox;

import dev.penguinmails.topology.PenguinMailsTopology;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.events.outbox.OutboxRelay;
import dev.penguinmails.events.outbox.OutboxRelay.Summary;
import dev.penguinmails.topology.TableSpec;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Duration;

/**
 * The scheduled Lambda (topology: {@code relay-events}, every minute) that delivers the outbox entries of billing's
 * table that the writes which staged them could not. It stops after a fixed budget; the next run goes on.
 */
public class EventRelayJob extends MicronautRequestHandler<ScheduledEvent, Summary> {
    private static final Duration BUDGET = Duration.ofSeconds(15L);
    private static final TableSpec LAYOUT = TableSpec.standard(PenguinMailsTopology.BILLING);

    public EventRelayJob() { }

    public EventRelayJob(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public Summary execute(ScheduledEvent event) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        return applicationContext.getBean(OutboxRelay.class)
            .relay(applicationContext.getBean(BillingAccounts.class).table(), LAYOUT, () -> System.nanoTime() >= deadline);
    }
}
