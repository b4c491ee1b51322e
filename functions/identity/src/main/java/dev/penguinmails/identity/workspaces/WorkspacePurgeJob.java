package dev.penguinmails.identity.workspaces;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Duration;

/**
 * The scheduled Lambda (topology: {@code purge-workspaces}, hourly) that purges workspaces whose grace
 * period has ended. It stops a few seconds before the invocation's deadline and leaves the rest to the
 * next run, which resumes where this one stopped.
 */
public class WorkspacePurgeJob extends MicronautRequestHandler<ScheduledEvent, PurgeSummary> {
    /** Time kept back from the deadline to finish the batch in flight and answer. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);
    /** The budget when no Lambda context tells the deadline (local runs, tests). */
    static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);

    private WorkspacePurger purger;

    /** The constructor Lambda uses: it starts the function's Micronaut context. */
    public WorkspacePurgeJob() {
        super();
        purger = applicationContext.getBean(WorkspacePurger.class);
    }

    /** For tests and the local stack: runs inside an existing context. */
    public WorkspacePurgeJob(ApplicationContext applicationContext) {
        super(applicationContext);
        purger = applicationContext.getBean(WorkspacePurger.class);
    }

    @Override
    public PurgeSummary execute(ScheduledEvent event) {
        long deadline = System.nanoTime() + budget().minus(SAFETY_MARGIN).toNanos();
        return purger.purgeDue(() -> System.nanoTime() >= deadline);
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
