package dev.penguinmails.identity.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.events.outbox.OutboxRelay;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.TableSpec;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Duration;

/**
 * The scheduled Lambda (topology: {@code relay-events}, every minute) that delivers the outbox entries
 * of identity's table which the requests that wrote them could not: events the bus refused, audit
 * entries not yet written. It stops a few seconds before its deadline; the next run goes on.
 */
public class EventRelayJob extends MicronautRequestHandler<ScheduledEvent, OutboxRelay.Summary> {
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(3);
    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(50);
    private static final TableSpec LAYOUT = TableSpec.standard(PenguinMailsTopology.IDENTITY);

    private final OutboxRelay relay;
    private final IdentityTable table;

    /** The constructor Lambda uses: it starts the function's Micronaut context. */
    public EventRelayJob() {
        super();
        relay = applicationContext.getBean(OutboxRelay.class);
        table = applicationContext.getBean(IdentityTable.class);
    }

    /** For tests and the local stack: runs inside an existing context. */
    public EventRelayJob(ApplicationContext applicationContext) {
        super(applicationContext);
        relay = applicationContext.getBean(OutboxRelay.class);
        table = applicationContext.getBean(IdentityTable.class);
    }

    @Override
    public OutboxRelay.Summary execute(ScheduledEvent event) {
        long deadline = System.nanoTime() + budget().minus(SAFETY_MARGIN).toNanos();
        return relay.relay(table.name(), LAYOUT, () -> System.nanoTime() >= deadline);
    }

    private Duration budget() {
        int remaining;
        try {
            remaining = applicationContext.findBean(Context.class).map(Context::getRemainingTimeInMillis).orElse(0);
        } catch (RuntimeException noContextBean) {
            remaining = 0;
        }
        return remaining > 0 ? Duration.ofMillis(remaining) : DEFAULT_BUDGET;
    }
}
