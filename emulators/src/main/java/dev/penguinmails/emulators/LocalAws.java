package dev.penguinmails.emulators;

import dev.penguinmails.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local AWS on 127.0.0.1: DynamoDB (dynalite), SQS (ElasticMQ), S3 (S3Proxy), EventBridge
 * (our PutEvents endpoint), SES v2 (aws-ses-v2-local) and the SMTP/IMAP server SES delivers to
 * (GreenMail). Closing it stops every emulator and child process.
 */
public final class LocalAws implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAws.class);

    private final List<AutoCloseable> started;
    private final GreenMailServer greenMail;
    private final SesLocal ses;
    private final LocalEventBridge eventBridge;
    private final LocalAwsEndpoints endpoints;
    private final LocalAwsClients clients;
    private final Path dataDir;
    private final boolean external;
    private final S3Notifications s3Notifications;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalAws(List<AutoCloseable> started, GreenMailServer greenMail, SesLocal ses, LocalEventBridge eventBridge,
                     LocalAwsEndpoints endpoints, LocalAwsClients clients, Path dataDir, boolean external,
                     S3Notifications s3Notifications) {
        this.started = started;
        this.greenMail = greenMail;
        this.ses = ses;
        this.eventBridge = eventBridge;
        this.endpoints = endpoints;
        this.clients = clients;
        this.dataDir = dataDir;
        this.external = external;
        this.s3Notifications = s3Notifications;
    }

    /**
     * Checks node and the fixed ports, then starts every emulator, the independent ones in parallel.
     *
     * @throws EmulatorException with one sentence saying what is wrong (node missing, port taken, ...);
     *                           whatever had started by then is stopped again
     */
    public static LocalAws start(EmulatorOptions options) {
        long begin = System.nanoTime();
        EmulatorPorts ports = options.ports();
        ExternalAws external = options.external();
        ports.requireFree(external == null);
        NodeRuntime node = NodeRuntime.locate();
        Path dataDir = options.dataDir() == null ? null : options.dataDir().toAbsolutePath();
        if (dataDir != null) {
            createDirectories(dataDir);
        }

        List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
        // S3Proxy has no event notifications: the buckets the topology has notify their queue through this.
        S3Notifications notifications = new S3Notifications(LocalAwsClients.REGION.id());
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "penguinmails-emulator-start");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<URI> dynamodb = external != null
                    ? CompletableFuture.completedFuture(external.dynamodb())
                    : async(pool, started, () -> Dynalite.start(node, ports.dynamodb(), sub(dataDir, "dynamodb")))
                            .thenApply(Dynalite::endpoint);
            CompletableFuture<URI> sqs = external != null
                    ? CompletableFuture.completedFuture(external.sqs())
                    : async(pool, started, () -> ElasticMq.start(ports.sqs())).thenApply(ElasticMq::endpoint);
            CompletableFuture<URI> s3 = external != null
                    ? CompletableFuture.completedFuture(external.s3())
                    : async(pool, started, () -> S3ProxyServer.start(ports.s3(), sub(dataDir, "s3"), notifications))
                            .thenApply(S3ProxyServer::endpoint);
            // SES forwards to GreenMail, so it needs GreenMail's SMTP port first.
            CompletableFuture<GreenMailServer> mail = async(pool, started,
                    () -> GreenMailServer.start(ports.smtp(), ports.imap()));
            CompletableFuture<SesLocal> ses = mail.thenCompose(
                    m -> async(pool, started, () -> SesLocal.start(node, ports.ses(), m.smtpPort())));
            CompletableFuture.allOf(dynamodb, sqs, s3, ses).join();

            // The bridge gets a client of its own, closed after it, to deliver matched events to SQS.
            var delivery = LocalAwsClients.sqs(sqs.join());
            started.add(delivery);
            notifications.deliverWith(delivery);
            LocalEventBridge eventBridge = LocalEventBridge.start(ports.eventBridge(), delivery);
            started.add(eventBridge);
            LocalAwsEndpoints endpoints = new LocalAwsEndpoints(dynamodb.join(), sqs.join(), s3.join(),
                    eventBridge.endpoint(), ses.join().endpoint(), mail.join().smtpPort(), mail.join().imapPort(),
                    ses.join().mailViewer());
            LocalAwsClients clients = LocalAwsClients.create(endpoints);
            LOG.info("Local AWS ready in {} ms: {}", (System.nanoTime() - begin) / 1_000_000, endpoints);
            return new LocalAws(new ArrayList<>(started), mail.join(), ses.join(), eventBridge, endpoints, clients, dataDir,
                    external != null, notifications);
        } catch (RuntimeException e) {
            // Wait for the starts still running, so that nothing is left behind, then stop them all.
            pool.shutdown();
            awaitQuietly(pool);
            closeAll(new ArrayList<>(started));
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof EmulatorException emulator) {
                throw emulator;
            }
            throw new EmulatorException("The local AWS could not start: " + cause.getMessage(), cause);
        } finally {
            pool.shutdown();
        }
    }

    /** Creates the topology's tables, queues, buckets and rules under a name prefix (stage "local"). */
    public ProvisionedStack provision(Topology topology, String namePrefix) {
        return new Provisioner(this).provision(topology, namePrefix);
    }

    /**
     * Where S3Proxy's object-created events go; empty with external services (LocalStack), whose S3 sends its own
     * once the bucket's notification is configured.
     */
    public java.util.Optional<S3Notifications> s3Notifications() {
        return external ? java.util.Optional.empty() : java.util.Optional.of(s3Notifications);
    }

    public LocalAwsEndpoints endpoints() {
        return endpoints;
    }

    /** SDK clients for every service; owned by this LocalAws and closed with it. */
    public LocalAwsClients clients() {
        return clients;
    }

    /** The SMTP/IMAP server that receives every mail SES sends. */
    public GreenMailServer greenMail() {
        return greenMail;
    }

    public LocalEventBridge eventBridge() {
        return eventBridge;
    }

    public SesLocal ses() {
        return ses;
    }

    /** Where data persists, or {@code null} if nothing does. */
    public Path dataDir() {
        return dataDir;
    }

    /** True when DynamoDB, SQS and S3 are served elsewhere (see {@link ExternalAws}), not by our emulators. */
    public boolean usesExternalServices() {
        return external;
    }

    /** The node child processes (dynalite, aws-ses-v2-local), for tests that prove they end with us. */
    List<Long> nodePids() {
        List<Long> pids = new ArrayList<>();
        for (AutoCloseable emulator : started) {
            if (emulator instanceof Dynalite d) {
                pids.add(d.pid());
            } else if (emulator instanceof SesLocal s) {
                pids.add(s.pid());
            }
        }
        return pids;
    }

    /** Stops everything; later calls do nothing, so a shutdown hook may call it again safely. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            clients.close();
            closeAll(started);
        }
    }

    private static <T extends AutoCloseable> CompletableFuture<T> async(ExecutorService pool, List<AutoCloseable> started,
                                                                        Supplier<T> start) {
        return CompletableFuture.supplyAsync(() -> {
            T emulator = start.get();
            started.add(emulator);
            return emulator;
        }, pool);
    }

    private static void closeAll(List<AutoCloseable> emulators) {
        List<AutoCloseable> reversed = new ArrayList<>(emulators);
        Collections.reverse(reversed);
        for (AutoCloseable emulator : reversed) {
            try {
                emulator.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", emulator.getClass().getSimpleName(), e);
            }
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path sub(Path dataDir, String name) {
        if (dataDir == null) {
            return null;
        }
        Path dir = dataDir.resolve(name);
        createDirectories(dir);
        return dir;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmulatorException("Could not create the data folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
