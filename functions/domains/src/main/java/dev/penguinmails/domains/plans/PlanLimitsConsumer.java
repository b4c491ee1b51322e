package dev.penguinmails.domains.plans;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code domains-plans}, fed by the rule of the same name with billing's
 * {@code billing.plan.changed}: keeps domains' copy of how many mailboxes each workspace's plan allows.
 */
public class PlanLimitsConsumer extends SqsEventConsumer<PlanChanged> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanLimitsConsumer.class);
    static final String ACTOR = "system:domains-plans";

    /** The constructor Lambda uses. */
    public PlanLimitsConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public PlanLimitsConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.DOMAINS_PLANS;
    }

    @Override
    protected Set<EventType<? extends PlanChanged>> eventTypes() {
        return Set.of(BillingEvents.PLAN_CHANGED);
    }

    @Override
    protected void handle(DomainEvent<PlanChanged> event) {
        PlanChanged changed = event.payload();
        WorkspacePlan plan = new WorkspacePlan(changed.planId(), changed.limits().mailboxes(), changed.version());
        boolean applied = applicationContext.getBean(WorkspacePlanStore.class)
                .apply(TenantContext.system(event.workspaceId(), ACTOR), plan);
        LOG.info("{} plan {} v{} ({} mailboxes) for {}", applied ? "Applied" : "Skipped older", plan.planId(),
                plan.version(), plan.mailboxes(), event.workspaceId());
    }
}
