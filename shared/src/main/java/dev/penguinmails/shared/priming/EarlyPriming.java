package dev.penguinmails.shared.priming;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.order.OrderUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Starts the primers that need nothing from the context, those listed in
 * {@code META-INF/services/dev.penguinmails.shared.priming.Primer}, as soon as the function's context starts
 * being built: the earliest point of Lambda's init phase that our code reaches, so that they overlap all of
 * it. They run once per class loader (a Lambda execution environment), however many contexts are built.
 * Off when the system property {@value Priming#ENABLED} (or {@code PENGUINMAILS_PRIMING_ENABLED}) is
 * {@code false}: at this point no context property or environment name is known yet, so unlike the primer
 * beans they also run, once, in a test JVM.
 *
 * <p>An entry point whose first call needs more (billing's Stripe consumer fetches from Stripe) adds a primer of
 * its own from its handler class's static initializer ({@link #add}): that runs when Lambda loads the handler,
 * before the handler builds its context, so the primer joins the same thread after the listed ones and the family's
 * other entry points never run it (decision 0081).
 */
public final class EarlyPriming implements ApplicationContextConfigurer {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static final List<Supplier<Primer>> ADDED = new CopyOnWriteArrayList<>();

    @Override
    public void configure(ApplicationContextBuilder builder) {
        start();
    }

    /**
     * Adds a primer for this entry point alone, run after the listed ones; call it from the handler class's static
     * initializer. Added once the primers started (a second handler class in one class loader), it may not run.
     */
    public static void add(Supplier<Primer> primer) {
        ADDED.add(primer);
    }

    /** Starts the early primers unless they were started already or priming is switched off. */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        if (!enabled()) {
            DONE.countDown();
            return;
        }
        PrimerThread.start("early-priming", EarlyPriming::listed, DONE);
    }

    /** Waits up to {@code timeout} for the early primers (at once if they never started); whether they finished. */
    static boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return !STARTED.get() || DONE.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static List<Supplier<Primer>> listed() {
        List<Primer> primers = new ArrayList<>();
        ServiceLoader.load(Primer.class, EarlyPriming.class.getClassLoader()).forEach(primers::add);
        OrderUtil.sort(primers);
        List<Supplier<Primer>> all = new ArrayList<>(primers.stream().<Supplier<Primer>>map(primer -> () -> primer).toList());
        all.addAll(ADDED);
        return all;
    }

    private static boolean enabled() {
        String value = System.getProperty(Priming.ENABLED, System.getenv("PENGUINMAILS_PRIMING_ENABLED"));
        return !"false".equalsIgnoreCase(value);
    }
}
