package dev.penguinmails.domains.verification;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The scheduled Lambda (topology: {@code reverify-domains}, hourly) that re-checks every domain whose last check is
 * more than a day old, stalest first, a bounded number at a time; a domain whose records broke becomes degraded and
 * stops sending. What does not fit in one run waits for the next.
 */
public class ReverificationJob extends MicronautRequestHandler<ScheduledEvent, Reverification.Summary> {

    public ReverificationJob() { }

    public ReverificationJob(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public Reverification.Summary execute(ScheduledEvent event) {
        return applicationContext.getBean(Reverification.class).run();
    }
}
