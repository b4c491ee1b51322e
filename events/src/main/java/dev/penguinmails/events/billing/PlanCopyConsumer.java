package dev.penguinmails.events.billing;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.shared.plans.PlanCopy;
import dev.penguinmails.shared.plans.PlanCopyStore;
import io.micronaut.context.ApplicationContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of a family's SQS handler of {@code billing.plan.changed}: applies the plan by version into the family's
 * {@link PlanCopyStore}. A family names its queue (the consumer name) and its store's bean; nothing else differs.
 */
public abstract class PlanCopyConsumer extends SqsEventConsumer<PlanChanged> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanCopyConsumer.class);

    private final String consumer;
    private final Class<? extends PlanCopyStore> store;

    /** The constructor Lambda uses (through the family's no-argument constructor). */
    protected PlanCopyConsumer(String consumer, Class<? extends PlanCopyStore> store) {
        this.consumer = consumer;
        this.store = store;
    }

    /** For tests and the local stack: runs in an existing context. */
    protected PlanCopyConsumer(ApplicationContext context, String consumer, Class<? extends PlanCopyStore> store) {
        super(context);
        this.consumer = consumer;
        this.store = store;
    }

    @Override
    protected final String consumerName() {
        return consumer;
    }

    /** The copy of the plan an event carries. */
    public static PlanCopy copyOf(PlanChanged changed) {
        PlanLimits limits = changed.limits();
        return new PlanCopy(changed.planId(), limits.mailboxes(), limits.contacts(), limits.emailsPerMonth(),
                limits.workspacesPerAccount(), limits.seats(), changed.version());
    }

    @Override
    protected final Set<EventType<? extends PlanChanged>> eventTypes() {
        return Set.of(BillingEvents.PLAN_CHANGED);
    }

    @Override
    protected final void handle(DomainEvent<PlanChanged> event) {
        PlanCopy plan = copyOf(event.payload());
        boolean applied = applicationContext.getBean(store).apply(event.workspaceId(), plan);
        LOG.info("{} {}: plan {} v{} for {}", consumerName(), applied ? "applied" : "skipped older", plan.planId(),
                plan.version(), event.workspaceId());
    }
}
