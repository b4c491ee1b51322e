package dev.penguinmails.shared.priming;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs primers one after another on a daemon thread of their own, then counts {@code done} down. */
final class PrimerThread {
    private static final Logger LOG = LoggerFactory.getLogger(PrimerThread.class);

    private PrimerThread() { }

    /**
     * Starts the thread. Each primer is created on it (so that one that cannot be created fails alone), and a
     * failure is logged: the first invocation then does that work itself.
     */
    static void start(String name, Supplier<List<Supplier<Primer>>> primers, CountDownLatch done) {
        Thread thread = new Thread(() -> runAll(primers, done), name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void runAll(Supplier<List<Supplier<Primer>>> primers, CountDownLatch done) {
        try {
            for (Supplier<Primer> created : primers.get()) {  // already in order
                long start = System.nanoTime();
                String name = "a primer";
                try {
                    Primer primer = created.get();
                    name = primer.name();
                    primer.prime();
                    LOG.debug("Primed {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
                } catch (Exception | LinkageError e) {
                    LOG.warn("Priming {} failed; the first invocation will do that work instead: {}", name, e.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Priming stopped: {}", e.toString());
        } finally {
            done.countDown();
        }
    }
}
