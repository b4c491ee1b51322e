package dev.penguinmails.shared.priming;

import java.util.concurrent.atomic.AtomicInteger;

/** A primer listed for early priming in the test resources; counts its runs and the thread they ran on. */
public final class CountingPrimer implements Primer {
    static final AtomicInteger RUNS = new AtomicInteger();
    static volatile String thread;

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public void prime() {
        RUNS.incrementAndGet();
        thread = Thread.currentThread().getName();
    }
}
