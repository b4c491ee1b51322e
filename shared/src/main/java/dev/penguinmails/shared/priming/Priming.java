package dev.penguinmails.shared.priming;

import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link Primer} bean of the function once its context has started, on a background thread, so
 * that on an on-demand cold start they overlap the first invocation instead of adding to it (primers that
 * need no beans start earlier still: {@link EarlyPriming}). Before a SnapStart checkpoint it waits for both,
 * so that the snapshot already holds the primed state and restored environments skip that work altogether.
 *
 * <p>It is off in tests (environment {@code test}) and when {@value #ENABLED} is {@code false}. Both are
 * checked when the context starts, not as bean conditions, which Micronaut AOT would settle at build time.
 */
@Singleton
public class Priming implements ApplicationEventListener<StartupEvent>, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    // Priming takes well under a second; a primer still busy after this long is stuck, and the snapshot goes ahead.
    private static final Duration CHECKPOINT_WAIT = Duration.ofSeconds(30);

    public static final String ENABLED = "penguinmails.priming.enabled";

    private final Supplier<List<Supplier<Primer>>> primers;
    private final Environment environment;
    private final CountDownLatch done = new CountDownLatch(1);

    /** The primers are created on the priming thread, so that one that cannot be created fails alone. */
    @Inject
    public Priming(BeanContext beans, Environment environment) {
        this(() -> beans.getBeanDefinitions(Primer.class).stream()
                .<Supplier<Primer>>map(definition -> () -> beans.getBean(definition))
                .toList(), environment);
    }

    /** For tests: these primers, whatever the environment. */
    Priming(List<Primer> primers) {
        this(() -> primers.stream().<Supplier<Primer>>map(p -> () -> p).toList(), null);
    }

    private Priming(Supplier<List<Supplier<Primer>>> primers, Environment environment) {
        this.primers = primers;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (enabled(environment)) {
            start();
        }
    }

    /** Whether priming runs in {@code environment}: not in tests, and not when switched off. */
    static boolean enabled(Environment environment) {
        return environment != null && !environment.getActiveNames().contains(Environment.TEST)
                && environment.getProperty(ENABLED, Boolean.class).orElse(true);
    }

    /** Starts the primers on a daemon thread and registers for SnapStart's checkpoint. */
    public void start() {
        Core.getGlobalContext().register(this);
        PrimerThread.start("priming", primers, done);
    }

    /** Waits up to {@code timeout} for the primer beans to finish; whether they did. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws InterruptedException {
        long deadline = System.nanoTime() + CHECKPOINT_WAIT.toNanos();
        boolean early = EarlyPriming.awaitCompletion(CHECKPOINT_WAIT);
        if (!early || !awaitCompletion(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            LOG.warn("Priming did not finish within {} s of the checkpoint; the snapshot is partly primed",
                    CHECKPOINT_WAIT.toSeconds());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: primed classes and data survive the restore; connections are re-opened on demand.
    }
}
