package dev.penguinmails.identity.plans;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.consume.SqsEventConsumer;
import io.micronaut.context.ApplicationContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code identity-plans}, fed by the rule of the same name with billing's
 * {@code billing.plan.changed}: keeps identity's copy of each workspace's seats and workspaces-per-account.
 */
public class PlanLimitsConsumer extends SqsEventConsumer<PlanChanged> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanLimitsConsumer.class);

    /** The constructor Lambda uses. */
    public PlanLimitsConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public PlanLimitsConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return "identity-plans";
    }

    @Override
    protected Set<EventType<? extends PlanChanged>> eventTypes() {
        return Set.of(BillingEvents.PLAN_CHANGED);
    }

    @Override
    protected void handle(DomainEvent<PlanChanged> event) {
        PlanChanged changed = event.payload();
        WorkspacePlan plan = new WorkspacePlan(changed.planId(), changed.limits().seats(),
                changed.limits().workspacesPerAccount(), changed.version());
        boolean applied = applicationContext.getBean(WorkspacePlanStore.class).apply(event.workspaceId(), plan);
        LOG.info("{} plan {} v{} for {}", applied ? "Applied" : "Skipped older", plan.planId(), plan.version(),
                event.workspaceId());
    }
}
