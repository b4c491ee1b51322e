package dev.penguinmails.shared.priming;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.order.OrderUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
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
 */
public final class EarlyPriming implements ApplicationContextConfigurer {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(1);

    @Override
    public void configure(ApplicationContextBuilder builder) {
        start();
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

    private static List<Supplier<Primer>> listed() {
        List<Primer> primers = new ArrayList<>();
        ServiceLoader.load(Primer.class, EarlyPriming.class.getClassLoader()).forEach(primers::add);
        OrderUtil.sort(primers);
        return primers.stream().<Supplier<Primer>>map(primer -> () -> primer).toList();
    }

    private static boolean enabled() {
        String value = System.getProperty(Priming.ENABLED, System.getenv("PENGUINMAILS_PRIMING_ENABLED"));
        return !"false".equalsIgnoreCase(value);
    }
}
