package dev.penguinmails.shared.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fixed pool of named daemon threads, made on first use: most invocations of a function never need it (a cold
 * start should not pay for it), and daemon threads never hold a JVM or a Lambda environment open.
 */
public final class DaemonPool {
    private final String threadName;
    private final int threads;
    private ExecutorService pool;

    public DaemonPool(String threadName, int threads) {
        this.threadName = threadName;
        this.threads = threads;
    }

    public synchronized ExecutorService get() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }
}
