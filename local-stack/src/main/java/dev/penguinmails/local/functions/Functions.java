package dev.penguinmails.local.functions;

import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every loaded function family and the invocation of their entry points with Lambda's timeout: an
 * invocation runs on a worker thread, and the caller stops waiting when the function's time is up.
 */
public final class Functions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Functions.class);

    private final Map<String, FunctionJar> jars;
    private final String namePrefix;
    private final ExecutorService workers;
    private final Map<String, ColdStart> coldStarts = new java.util.concurrent.ConcurrentSkipListMap<>();

    public Functions(Map<String, FunctionJar> jars, String namePrefix) {
        this.jars = new LinkedHashMap<>(jars);
        this.namePrefix = namePrefix;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-invoke-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public FunctionJar jar(String family) {
        FunctionJar jar = jars.get(family);
        if (jar == null) {
            throw new IllegalArgumentException("no function family " + family);
        }
        return jar;
    }

    public Map<String, FunctionJar> jars() {
        return Map.copyOf(jars);
    }

    /** The Lambda function name of an entry point, {@code <prefix><family>-<entry point>}. */
    public String functionName(FunctionSpec function, EntryPoint entryPoint) {
        return namePrefix + function.family() + "-" + entryPoint.name();
    }

    /** An invoker for one entry point with the family's timeout. */
    public HandlerInvoker invoker(FunctionSpec function, EntryPoint entryPoint) {
        return invoker(function, entryPoint, Duration.ofSeconds(function.timeoutSeconds()));
    }

    /** An invoker for one entry point that gives up after {@code timeout}. */
    public HandlerInvoker invoker(FunctionSpec function, EntryPoint entryPoint, Duration timeout) {
        FunctionJar jar = jar(function.family());
        String name = functionName(function, entryPoint);
        return event -> invoke(jar, entryPoint.handlerClass(), name, event, timeout);
    }

    private Outcome invoke(FunctionJar jar, String handlerClass, String functionName, String eventJson, Duration timeout) {
        long start = System.nanoTime();
        try {
            // The cold start is Lambda's init phase, which the function's timeout does not cover.
            jar.initialize(handlerClass);
        } catch (FunctionJar.HandlerException e) {
            LOG.warn("{} failed to initialize: {}", functionName, e.getMessage(), e.getCause());
            return new Outcome.Failed(e.errorType(), e.errorMessage(), since(start));
        }
        long initialized = System.nanoTime();
        long initMillis = (initialized - start) / 1_000_000;
        if ((initialized - start) > 10_000_000_000L) {
            LOG.warn("{} took {} ms to initialize; Lambda allows 10 s for that", functionName, (initialized - start) / 1_000_000);
        }
        start = initialized;
        Future<String> call = workers.submit(() -> jar.invoke(handlerClass, eventJson, functionName, timeout.toMillis()));
        try {
            String response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = since(start);
            coldStarts.putIfAbsent(functionName, new ColdStart(functionName, initMillis, took.toMillis()));
            return new Outcome.Succeeded(response, took);
        } catch (TimeoutException e) {
            // Lambda stops a function at its timeout; interrupting is the nearest we can do in one JVM.
            call.cancel(true);
            LOG.warn("{} timed out after {} ms", functionName, timeout.toMillis());
            return new Outcome.TimedOut(timeout, since(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FunctionJar.HandlerException handler) {
                LOG.warn("{} failed: {}", functionName, handler.getMessage(), handler.getCause());
                return new Outcome.Failed(handler.errorType(), handler.errorMessage(), since(start));
            }
            LOG.error("{} could not be invoked", functionName, cause);
            return new Outcome.Failed(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), since(start));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome.Failed("Interrupted", "the local stack is stopping", since(start));
        }
    }

    /** The first successful invocation of each Lambda so far, by function name. */
    public Map<String, ColdStart> coldStarts() {
        return Map.copyOf(coldStarts);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Stops the workers and closes every function's handlers and class loader. */
    @Override
    public void close() {
        workers.shutdownNow();
        jars.values().forEach(FunctionJar::close);
    }
}
