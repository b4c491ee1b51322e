package dev.penguinmails.local.schedules;

import dev.penguinmails.local.functions.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires each scheduled handler every {@code periodSeconds} (the first time one period after start, as a
 * new rate rule does), and on demand for demos and tests.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
    private final ScheduledEvents events;
    private final ScheduledExecutorService timer;

    public Scheduler(List<ScheduledJob> jobs, ScheduledEvents events) {
        jobs.forEach(j -> this.jobs.put(key(j.family(), j.name()), j));
        this.events = events;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts firing every job on its rate. */
    public Scheduler start() {
        for (ScheduledJob job : jobs.values()) {
            timer.scheduleAtFixedRate(() -> fire(job), job.periodSeconds(), job.periodSeconds(), TimeUnit.SECONDS);
        }
        return this;
    }

    public List<ScheduledJob> jobs() {
        return List.copyOf(jobs.values());
    }

    public Optional<ScheduledJob> job(String family, String name) {
        return Optional.ofNullable(jobs.get(key(family, name)));
    }

    /** Fires one job now, on the calling thread, and returns how it went. */
    public Outcome runNow(ScheduledJob job) {
        return fire(job);
    }

    private Outcome fire(ScheduledJob job) {
        Outcome outcome = job.invoker().invoke(events.toEvent(job.ruleArn(), Instant.now()));
        if (outcome instanceof Outcome.Succeeded) {
            LOG.info("schedule {}/{} ran in {} ms", job.family(), job.name(), outcome.took().toMillis());
        } else {
            LOG.warn("schedule {}/{} did not succeed: {}", job.family(), job.name(), outcome);
        }
        return outcome;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static String key(String family, String name) {
        return family + "/" + name;
    }
}
