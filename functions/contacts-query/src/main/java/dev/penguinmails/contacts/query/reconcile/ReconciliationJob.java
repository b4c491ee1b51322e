package dev.penguinmails.contacts.query.reconcile;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The scheduled Lambda (topology: {@code reconcile}, hourly) that repairs drift between the contacts table and the
 * query model, and answers the counts of what it found.
 */
public class ReconciliationJob extends MicronautRequestHandler<ScheduledEvent, Reconciliation.Summary> {

    public ReconciliationJob() { }

    public ReconciliationJob(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public Reconciliation.Summary execute(ScheduledEvent event) {
        return applicationContext.getBean(Reconciliation.class).run();
    }
}
