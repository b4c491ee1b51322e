package dev.penguinmails.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.emulators.EmulatorOptions;
import dev.penguinmails.emulators.LocalDns;
import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.LocalPostgres;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.emulators.LocalAwsEndpoints;
import dev.penguinmails.emulators.NodeRuntime;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.local.admin.AdminEndpoint;
import dev.penguinmails.local.admin.DnsZonesEndpoint;
import dev.penguinmails.local.admin.QueueDepths;
import dev.penguinmails.local.docs.DocsEndpoint;
import dev.penguinmails.local.docs.OpenApiMerger;
import dev.penguinmails.local.functions.FunctionJar;
import dev.penguinmails.local.functions.Functions;
import dev.penguinmails.local.functions.Outcome;
import dev.penguinmails.local.functions.LocalFunctionEnvironment;
import dev.penguinmails.local.http.ApiGateway;
import dev.penguinmails.local.http.ApiGatewayEvents;
import dev.penguinmails.local.http.ApiGatewayResponses;
import dev.penguinmails.local.http.LocalAuthorizer;
import dev.penguinmails.local.http.ApiServer;
import dev.penguinmails.local.http.GatewayLimits;
import dev.penguinmails.local.http.RouteTable;
import dev.penguinmails.local.pages.LinkPages;
import dev.penguinmails.local.queues.QueuePoller;
import dev.penguinmails.local.queues.SqsEvents;
import dev.penguinmails.local.schedules.ScheduledEvents;
import dev.penguinmails.local.schedules.ScheduledJob;
import dev.penguinmails.local.schedules.Scheduler;
import dev.penguinmails.topology.DeploymentHandler;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole product on localhost: the emulated AWS services provisioned from the topology, every
 * function loaded from its own jar in its own class loader, the HTTP API (API Gateway v2 events),
 * SQS pollers and schedules that invoke the functions' real handlers, a DNS server for the zones a
 * developer or test publishes, plus OpenAPI/Swagger UI and local admin endpoints. {@link #start} returns when everything is ready; {@link #stop} ends it all.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** Lets functions connect to loopback (GreenMail stands in for customers' mail servers); never set on AWS. */
    public static final String LOCAL_TARGETS_PROPERTY = "penguinmails.outbound.local-targets";
    /** The DNS server's port (UDP and TCP) unless the API port is chosen freely (tests). */
    static final int DNS_PORT = 8053;
    /** The query model's embedded Postgres, unless the API port is chosen freely (tests). */
    static final int POSTGRES_PORT = 15432;

    private final LocalStackOptions options;
    private final List<AutoCloseable> parts;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private LocalAws localAws;
    private ProvisionedStack stack;
    private Functions functions;
    private ApiServer server;
    private Scheduler scheduler;
    private Optional<LocalAuthorizer> authorizer = Optional.empty();
    private LocalStripe stripe;
    private LocalDns dns;
    private LocalPostgres postgres;
    private List<QueuePoller> pollers = List.of();
    private Map<String, Map<String, String>> functionEnvironments = Map.of();
    private Duration startupTime = Duration.ZERO;

    private LocalStack(LocalStackOptions options) {
        this.options = options;
        this.parts = new ArrayList<>();
    }

    /**
     * Checks the machine, then starts everything and returns when it is ready.
     *
     * @throws LocalStackException or {@code EmulatorException} with a one-sentence message; anything
     *                             already started is stopped again
     */
    public static LocalStack start(LocalStackOptions options) {
        long begin = System.nanoTime();
        Preflight.check(options);
        LocalStack local = new LocalStack(options);
        try {
            local.startAll();
        } catch (RuntimeException e) {
            local.stop();
            throw e;
        }
        local.startupTime = Duration.ofNanos(System.nanoTime() - begin);
        return local;
    }

    private void startAll() {
        Path dataDir = options.dataDir();
        if (options.reset() && dataDir != null) {
            wipe(dataDir);
        }
        if (options.localAws() != null) {
            localAws = options.localAws();
        } else {
            localAws = LocalAws.start(new EmulatorOptions(options.emulatorPorts(), dataDir));
            parts.add(localAws);
        }
        Topology topology = options.topology();
        stack = localAws.provision(topology, options.namePrefix());
        server = ApiServer.bind(options.apiPort());
        parts.add(server);
        Map<String, String> secrets = LocalSecrets.load(options.dataDir());
        // A fixed port when the API has one, so that a developer's Stripe CLI or notes keep working across runs.
        stripe = LocalStripe.start(options.apiPort() == 0 ? 0 : LocalStripe.DEFAULT_PORT);
        parts.add(stripe);
        dns = LocalDns.start(NodeRuntime.locate(), options.apiPort() == 0 ? 0 : DNS_PORT);
        parts.add(dns);
        dns.publish(PlatformZone.ZONE, PlatformZone.records());
        Map<String, DatabaseEndpoint> databases = startDatabases(topology, dataDir);
        Map<String, Map<String, String>> environments = new TreeMap<>();
        for (FunctionSpec function : topology.functions()) {
            // Like the emulator endpoints, the resolver reaches every function; on AWS it is absent and the default
            // applies. Customers' servers are GreenMail on loopback here, so outbound checks allow local targets.
            Map<String, String> environment = with(LocalFunctionEnvironment.of(function, stack, databases, secrets,
                    apiBaseUrl().toString()), Map.of(LocalDns.RESOLVERS_PROPERTY, dnsResolvers(),
                    LOCAL_TARGETS_PROPERTY, "true"));
            if (PenguinMailsTopology.STRIPE_CLIENTS.contains(function.family())) {
                environment = with(environment, stripe.properties());
            }
            environments.put(function.family(), environment);
        }
        functionEnvironments = Collections.unmodifiableMap(environments);

        Map<String, FunctionJar> jars = new LinkedHashMap<>();
        try {
            for (FunctionSpec function : topology.functions()) {
                jars.put(function.family(), FunctionJar.open(function.family(), options.classpath().of(function),
                        functionEnvironments.get(function.family())));
            }
        } catch (RuntimeException e) {
            jars.values().forEach(FunctionJar::close);
            throw e;
        }
        functions = new Functions(jars, options.namePrefix());
        parts.add(functions);
        runDeploymentSteps(topology);

        ObjectMapper json = new ObjectMapper();
        LocalAwsClients clients = localAws.clients();
        ScheduledEvents scheduledEvents = new ScheduledEvents(json, ApiGatewayEvents.ACCOUNT_ID, LocalAwsClients.REGION.id());
        scheduler = new Scheduler(scheduledJobs(topology, scheduledEvents), scheduledEvents);
        parts.add(scheduler);

        SqsEvents sqsEvents = new SqsEvents(json, LocalAwsClients.REGION.id());
        Map<String, QueuePoller> pollersByQueue = new LinkedHashMap<>();
        for (FunctionSpec function : topology.functions()) {
            for (QueueHandler handler : function.queueHandlers()) {
                String url = stack.queueUrl(handler.queue());
                QueuePoller.Settings settings = new QueuePoller.Settings(handler.queue(), url,
                        QueuePoller.queueArn(clients.sqs(), url), handler.batchSize(), handler.maxBatchingWindowSeconds(),
                        handler.maximumConcurrency());
                QueuePoller poller = new QueuePoller(settings, clients.sqs(), functions.invoker(function, handler),
                        sqsEvents, json);
                parts.add(poller);
                pollersByQueue.put(handler.queue(), poller);
            }
        }

        RouteTable routes = new RouteTable(topology.httpRoutes().toList());
        ApiGatewayEvents apiEvents = new ApiGatewayEvents(json);
        authorizer = topology.authorizer().map(a -> new LocalAuthorizer(a.handler(),
                functions.invoker(a.function(), a.handler()), apiEvents, json));
        ApiGateway gateway = new ApiGateway(routes,
                (route, timeout) -> functions.invoker(route.function(), route.handler(), timeout),
                apiEvents, new ApiGatewayResponses(json), GatewayLimits.aws(), authorizer);
        QueueDepths depths = new QueueDepths(clients.sqs(), stack.queueUrls(), stack.deadLetterQueueUrls());
        AdminEndpoint admin = new AdminEndpoint(json, this::health, depths, scheduler, functions::coldStarts,
                pollersByQueue, functionEnvironments);
        DocsEndpoint docs = new DocsEndpoint(memoize(() -> mergedOpenApi(routes)));
        // The DNS zones endpoint first: the admin endpoint answers every other /_local/ path.
        server.serve(gateway, List.of(new DnsZonesEndpoint(dns.controlUrl()), admin, docs, new LinkPages()));
        // Only now is the webhook route served.
        stripe.deliverWebhooksTo(apiBaseUrl().toString());

        pollersByQueue.values().forEach(QueuePoller::start);
        pollers = List.copyOf(pollersByQueue.values());
        if (options.runSchedules()) {
            scheduler.start();
        }
    }

    /**
     * Each family's deployment steps (schema migrations), once, before anything is served or polled: what the
     * CloudFormation trigger does on AWS. A step that fails stops the start, as it fails a deployment.
     */
    private void runDeploymentSteps(Topology topology) {
        for (FunctionSpec function : topology.functions()) {
            for (DeploymentHandler step : function.deploymentHandlers()) {
                Outcome outcome = functions.invoker(function, step).invoke("{}");
                if (!(outcome instanceof Outcome.Succeeded done)) {
                    throw new LocalStackException("The deployment step " + function.family() + " " + step.name()
                            + " failed, so the stack did not start: " + outcome + ".");
                }
                LOG.info("Deployment step {} {} done in {} ms: {}", function.family(), step.name(),
                        done.took().toMillis(), done.responseJson());
            }
        }
    }

    /**
     * The topology's query-model databases in one embedded Postgres (its data under {@code dataDir/postgres}, kept
     * across runs like the tables), each database named after the stack's prefix; none if the topology has none.
     */
    private Map<String, DatabaseEndpoint> startDatabases(Topology topology, Path dataDir) {
        if (topology.databases().isEmpty()) {
            return Map.of();
        }
        postgres = LocalPostgres.start(dataDir == null ? null : dataDir.resolve("postgres"),
                options.apiPort() == 0 ? 0 : POSTGRES_PORT);
        parts.add(postgres);
        Map<String, DatabaseEndpoint> databases = new TreeMap<>();
        topology.databases().forEach(d -> databases.put(d.name(),
                postgres.database((options.namePrefix() + d.name()).replaceAll("[^A-Za-z0-9_]", "_"))));
        return databases;
    }

    private List<ScheduledJob> scheduledJobs(Topology topology, ScheduledEvents events) {
        List<ScheduledJob> jobs = new ArrayList<>();
        for (FunctionSpec function : topology.functions()) {
            for (ScheduledHandler handler : function.scheduledHandlers()) {
                String rule = options.namePrefix() + function.family() + "-" + handler.name();
                jobs.add(new ScheduledJob(function.family(), handler.name(), handler.handlerClass(),
                        events.ruleArn(rule), handler.periodSeconds(), functions.invoker(function, handler)));
            }
        }
        return jobs;
    }

    private String mergedOpenApi(RouteTable routes) {
        List<OpenApiMerger.FunctionDocs> docs = new ArrayList<>();
        functions.jars().forEach((family, jar) ->
                docs.add(new OpenApiMerger.FunctionDocs(family, jar.resources("META-INF/swagger", ".yml"))));
        docs.sort(Comparator.comparing(OpenApiMerger.FunctionDocs::family));
        return new OpenApiMerger().merge(docs, routes, apiBaseUrl());
    }

    private Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("api", "UP");
        LocalAwsEndpoints e = localAws.endpoints();
        health.put("dynamodb", reachable(e.dynamodb().getPort()));
        health.put("sqs", reachable(e.sqs().getPort()));
        health.put("s3", reachable(e.s3().getPort()));
        health.put("eventbridge", reachable(e.eventBridge().getPort()));
        health.put("ses", reachable(e.sesv2().getPort()));
        health.put("smtp", reachable(e.smtpPort()));
        health.put("imap", reachable(e.imapPort()));
        health.put("dns", reachable(dns.port()));
        if (postgres != null) {
            health.put("postgres", reachable(postgres.port()));
        }
        for (QueuePoller poller : pollers) {
            health.put("poller " + poller.settings().name(), poller.isRunning() ? "UP" : "DOWN: stopped");
        }
        return health;
    }

    private static String reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return "UP";
        } catch (IOException ex) {
            return "DOWN: nothing answers on port " + port;
        }
    }

    /** {@code http://127.0.0.1:<port>}: prepend it to a route path, e.g. {@code /v1/signup}. */
    public URI apiBaseUrl() {
        return server.baseUrl();
    }

    /** The Swagger UI page. */
    public URI docsUrl() {
        return URI.create(apiBaseUrl() + DocsEndpoint.UI_PATH);
    }

    public URI openApiUrl() {
        return URI.create(apiBaseUrl() + DocsEndpoint.SPEC_PATH);
    }

    /** The Stripe stand-in that Stripe's clients call instead of Stripe. */
    public URI stripeBaseUrl() {
        return URI.create(stripe.baseUrl());
    }

    /** The DNS server: publish zones to it, query it on {@code 127.0.0.1:}{@link LocalDns#port()}. */
    public LocalDns dns() {
        return dns;
    }

    /**
     * {@code 127.0.0.1:<port>}: the value of {@link LocalDns#RESOLVERS_PROPERTY} every function is given,
     * so that DNS checks query the local server instead of the machine's resolver.
     */
    public String dnsResolvers() {
        return dns.resolverAddress();
    }

    /** The emulators: SDK clients, GreenMail, the local EventBridge. */
    public LocalAws localAws() {
        return localAws;
    }

    /** The provisioned resources. */
    public ProvisionedStack stack() {
        return stack;
    }

    /** The properties {@code family}'s functions were given (their Lambda environment on AWS), sorted by key. */
    public Map<String, String> functionEnvironment(String family) {
        Map<String, String> environment = functionEnvironments.get(family);
        if (environment == null) {
            throw new IllegalArgumentException("no function family " + family);
        }
        return environment;
    }

    /** The SQS poller of each queue that has a consumer. */
    public List<QueuePoller> pollers() {
        return pollers;
    }

    /** The API's Lambda authorizer, when the topology has one. */
    public Optional<LocalAuthorizer> authorizer() {
        return authorizer;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Functions functions() {
        return functions;
    }

    public LocalStackOptions options() {
        return options;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the schedules, pollers, HTTP server, functions and emulators (and their node processes). */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> reversed = new ArrayList<>(parts);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", part.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void wipe(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new LocalStackException("The data folder " + dataDir + " could not be wiped (" + e.getMessage()
                    + "); delete it by hand and start again.", e);
        }
    }

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(environment);
        merged.putAll(more);
        return Collections.unmodifiableMap(merged);
    }

    private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
