package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** A plain (non-Micronaut) scheduled handler that describes the event it received. */
public class ScheduledProbeHandler implements RequestHandler<ScheduledEvent, String> {
    static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

    public ScheduledProbeHandler() {
        INSTANCES.incrementAndGet();
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return event.getSource() + "|" + event.getDetailType() + "|" + event.getResources().get(0)
                + "|" + event.getAccount() + "|" + context.getFunctionName();
    }
}
