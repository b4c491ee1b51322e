package dev.penguinmails.sending.scheduling;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

/** The scheduled Lambda (topology: {@code schedule-sends}, every minute) that runs one {@link SchedulerTick}. */
public class SchedulerJob extends MicronautRequestHandler<ScheduledEvent, SchedulerTick.Summary> {

    public SchedulerJob() { }

    public SchedulerJob(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public SchedulerTick.Summary execute(ScheduledEvent event) {
        return applicationContext.getBean(SchedulerTick.class).run();
    }
}
