package dev.penguinmails.billing.dunning;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.List;

/**
 * The scheduled Lambda (topology: {@code dunning}, hourly) that runs the {@link DunningSweep}.
 */
public class DunningJob extends MicronautRequestHandler<ScheduledEvent, List<String>> {
    public DunningJob() { }

    public DunningJob(ApplicationContext context) {
        super(context);
    }

    @Override
    public List<String> execute(ScheduledEvent event) {
        return applicationContext.getBean(DunningSweep.class).sweep();
    }
}
