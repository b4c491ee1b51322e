package dev.penguinmails.testsupport;

import dev.penguinmails.emulators.EmulatorOptions;
import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.emulators.Provisioner;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.Topology;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * The local AWS for tests: started once per JVM on free ports, on first use, and stopped when the
 * JVM exits. Each test class provisions its own copy of the stack under a unique name prefix, so
 * classes never see each other's data. Safe to call from Micronaut's
 * {@code TestPropertyProvider.getProperties()}:
 * <pre>{@code
 * public Map<String, String> getProperties() { return TestAws.freshStack().properties(); }
 * }</pre>
 * With {@code -Dpenguinmails.test.backend=localstack} (Maven profile {@code localstack}), DynamoDB,
 * SQS and S3 come from a Testcontainers LocalStack instead; without a Docker engine the calling
 * test is aborted, not failed.
 */
public final class TestAws {
    /** The system property that picks the backend: {@code emulators} (default) or {@code localstack}. */
    public static final String BACKEND_PROPERTY = "penguinmails.test.backend";
    public static final String STAGE = "test";

    private static final AtomicInteger STACKS = new AtomicInteger();
    private static volatile LocalAws shared;
    private static volatile RuntimeException startFailure;

    private TestAws() { }

    /**
     * The JVM's LocalAws, started on first call (thread-safe). A start that failed is not retried:
     * every later call rethrows its reason at once instead of waiting for another failure.
     */
    public static LocalAws shared() {
        LocalAws aws = shared;
        if (aws != null) {
            return aws;
        }
        synchronized (TestAws.class) {
            if (shared == null) {
                if (startFailure != null) {
                    throw startFailure;
                }
                try {
                    LocalAws started = usesLocalStack() ? LocalStackBackend.start() : LocalAws.start(EmulatorOptions.ephemeral());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "penguinmails-test-aws-stop"));
                    shared = started;
                } catch (RuntimeException e) {
                    // An abort (LocalStack without Docker) is no failure: later tests must be aborted alike.
                    if (!(e instanceof TestAbortedException)) {
                        startFailure = e;
                    }
                    throw e;
                }
            }
            return shared;
        }
    }

    /** Provisions {@link PenguinMailsTopology#define()} under a prefix no other caller gets. */
    public static ProvisionedStack freshStack() {
        return freshStack(PenguinMailsTopology.define());
    }

    /** Provisions a topology under a prefix ({@code t<n>-}) no other caller in this JVM gets. */
    public static ProvisionedStack freshStack(Topology topology) {
        LocalAws aws = shared();
        return new Provisioner(aws).provision(topology, "t" + STACKS.incrementAndGet() + "-", STAGE);
    }

    /** The mailbox helper over the shared GreenMail. */
    public static Mailbox mailbox() {
        return new Mailbox(shared());
    }

    /** True when this run uses Testcontainers LocalStack (Maven profile {@code localstack}). */
    public static boolean usesLocalStack() {
        return "localstack".equalsIgnoreCase(System.getProperty(BACKEND_PROPERTY, "emulators").strip());
    }
}
