package dev.penguinmails.events.outbox;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.TableSpec;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.time.Duration;

/**
 * The scheduled Lambda (topology: {@code relay-events}, every minute) of a family whose table is named after it
 * ({@code micronaut.application.name}, e.g. {@code domains} → {@code penguinmails.tables.domains}): delivers the
 * outbox entries that the writes which staged them could not. It stops after a fixed budget; the next run goes on.
 * A family points its topology entry at this class instead of writing its own.
 */
public class FamilyEventRelayJob extends MicronautRequestHandler<ScheduledEvent, OutboxRelay.Summary> {
    private static final Duration BUDGET = Duration.ofSeconds(15);

    public FamilyEventRelayJob() { }

    public FamilyEventRelayJob(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    public OutboxRelay.Summary execute(ScheduledEvent event) {
        String family = applicationContext.getProperty("micronaut.application.name", String.class)
                .orElseThrow(() -> new ConfigurationException("micronaut.application.name names the family's table"));
        String table = applicationContext.getProperty(ConfigKeys.table(family), String.class)
                .orElseThrow(() -> new ConfigurationException(ConfigKeys.table(family) + " is not set"));
        long deadline = System.nanoTime() + BUDGET.toNanos();
        return applicationContext.getBean(OutboxRelay.class)
                .relay(table, TableSpec.standard(family), () -> System.nanoTime() >= deadline);
    }
}
