package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.FunctionClasspath;
import dev.penguinmails.local.LocalStackException;
import dev.penguinmails.local.LocalStackOptions;
import dev.penguinmails.local.functions.FunctionJar;
import dev.penguinmails.topology.AuthorizerHandler;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.DeploymentHandler;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures one Lambda entry point's cold start in a fresh JVM, the way Lambda runs it, against a running
 * local stack:
 *
 * <pre>
 * java -cp local-stack/target/local-stack.jar dev.penguinmails.local.bench.ColdStartProbe \
 *     --api http://127.0.0.1:18080 --function identity --entry-point api|authorizer|emails|purge-workspaces \
 *     [--path /v1/workspaces/ID --authorization 'Bearer TOKEN' [--authorizer-context JSON]] [--project-root DIR]
 * java -cp local-stack/target/local-stack.jar dev.penguinmails.local.bench.ColdStartProbe \
 *     --api http://127.0.0.1:18080 --reference [--memory 1024]
 * </pre>
 *
 * <p>({@code ColdStartProbe --list [--project-root DIR]} prints the topology's entry points instead, for a bench
 * script to walk, with how each queue is fed ({@link QueueFeed});
 * {@code --reference} probes the {@link ReferenceFunction} that every entry point's cold start is compared with.)
 *
 * <p>It reads the function's environment from the stack ({@code GET /_local/functions/{family}/environment})
 * into system properties, builds the entry point's event (a {@code POST /v1/signup} for the HTTP API, or with
 * {@code --path} an authenticated {@code GET} carrying the authorizer's context; for an authorizer, the payload 2.0
 * REQUEST event of that {@code GET}; for a queue consumer, a batch it receives from the queue and afterwards
 * settles as the poller does; a scheduled event), and only then times the function. An authorizer is called
 * twice, and its second (warm) call is reported too. It prints one JSON line on stdout (the function's
 * own log goes to stderr) and exits 0 if the invocation succeeded, 1 if it did not, 2 for a usage error or
 * an unreachable stack.
 *
 * <p>What the numbers are: {@code jvmBootMillis} runs from the JVM's start time (as the runtime MXBean
 * reports it, a little after the process started) to {@code main}; {@code initMillis} is Lambda's init
 * phase, opening the function's jar in a class loader of its own and creating the handler (its Micronaut
 * context); {@code firstInvocationMillis} is the handler's first call. What they are not: there is no
 * SnapStart snapshot (a restored one skips init; the first call stays); the CPU share of a Lambda of the
 * function's memory is not emulated (1024 MB gets about 0.6 of a vCPU; here the JVM has every core of
 * the machine); Lambda's runtime client is not in the measured path; and the probe's own pre-work
 * (reading the environment over HTTP, JSON, building the event, for a queue the SDK's SQS client) loads
 * JDK classes before the timed region, which the function then finds loaded. The function's own
 * libraries load afresh in its class loader, as on Lambda.
 */
public final class ColdStartProbe {
    private static final int MAX_DETAIL = 300;

    private ColdStartProbe() { }

    public static void main(String[] args) {
        long mainEntered = System.currentTimeMillis();
        long jvmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        PrintStream stdout = System.out;
        // Functions log to stdout, as on Lambda; the report must be the only line there.
        System.setOut(System.err);
        int exitCode = run(List.of(args), mainEntered - jvmStarted, stdout);
        stdout.flush();
        // The function's Micronaut context may have started threads that would keep the JVM alive.
        System.exit(exitCode);
    }

    /** The whole probe against the project's topology; returns the exit code. */
    static int run(List<String> args, long jvmBootMillis, PrintStream out) {
        try {
            if (!args.isEmpty() && args.get(0).equals("--list")) {
                if (args.size() != 1 && !(args.size() == 3 && args.get(1).equals("--project-root"))) {
                    throw new ProbeException(ProbeException.USAGE, ProbeOptions.USAGE);
                }
                Path root = Path.of("").toAbsolutePath().resolve(args.size() == 3 ? args.get(2) : "");
                entryPoints(PenguinMailsTopology.define(), root.resolve(QueueFeed.SAMPLES)).forEach(out::println);
                return 0;
            }
            ProbeOptions options = ProbeOptions.parse(args, Path.of("").toAbsolutePath());
            Topology topology = PenguinMailsTopology.define();
            ProbeTarget target = options.reference() ? ReferenceFunction.target(options.projectRoot(), options.memoryMb())
                    : ProbeTarget.find(topology, FunctionClasspath.builtJars(options.projectRoot()), options.family(),
                    options.entryPoint());
            // The reference owns nothing; it gets the first family's environment, so that the singletons every
            // function creates at init (shared's and events') find the settings they read.
            String environmentOf = options.reference() ? topology.functions().get(0).family() : options.family();
            Map<String, String> environment = fetchEnvironment(options.api(), environmentOf);
            ColdStartReport report = measure(target, topology, environment, options.api(), jvmBootMillis,
                    AuthenticatedRequest.of(options), options.projectRoot().resolve(QueueFeed.SAMPLES));
            out.println(report.toJson(Json.MAPPER));
            return report.succeeded() ? 0 : 1;
        } catch (ProbeException e) {
            System.err.println(e.getMessage());
            return e.exitCode();
        }
    }

    /**
     * Every entry point in the order a bench probes them, one tab-separated line each: family, entry point,
     * kind ({@code http}, {@code authorizer}, {@code queue} or {@code schedule}), the family's memory in MB, the
     * queue or {@code -}, and how that queue is fed for the probe ({@link QueueFeed#label()}, samples read from
     * {@code samples}), or for an HTTP API the request it is first probed with ({@code ProbeEvents.firstRequest}),
     * or {@code -}. Per family the HTTP API comes first, so that its signup leaves a message for
     * the queue consumers. Deployment steps are not listed.
     */
    static List<String> entryPoints(Topology topology, Path samples) {
        // Deployment steps run once per deployment, never on a request's path: their cold start has no goal.
        return topology.functions().stream().flatMap(f -> f.entryPoints()
                .filter(e -> !(e instanceof DeploymentHandler)).map(e -> String.join("\t", f.family(),
                e.name(), kind(e), Integer.toString(f.memoryMb()), e instanceof QueueHandler q ? q.queue() : "-",
                e instanceof QueueHandler q ? QueueFeed.of(topology, samples, q.queue(), Json.MAPPER).label()
                        : e instanceof HttpApiHandler api ? ProbeEvents.firstRequest(topology, f, api) : "-")))
                .toList();
    }

    /** The kind of entry point a report names, which sets its goal: {@code reference} for the reference. */
    static String kind(ProbeTarget target) {
        return target.function().family().equals(ReferenceFunction.FAMILY) ? "reference" : kind(target.entryPoint());
    }

    private static String kind(EntryPoint entryPoint) {
        if (entryPoint instanceof HttpApiHandler) {
            return "http";
        }
        if (entryPoint instanceof AuthorizerHandler) {
            return "authorizer";
        }
        return entryPoint instanceof QueueHandler ? "queue" : "schedule";
    }

    /**
     * The environment the local stack gives {@code family}'s functions.
     *
     * @throws ProbeException (exit code 2) if the stack does not answer or does not know the family
     */
    public static Map<String, String> fetchEnvironment(URI api, String family) {
        URI url = URI.create(api + "/_local/functions/" + family + "/environment");
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            JsonNode body = in == null ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(in.readAllBytes());
            if (status != 200) {
                String detail = body.path("detail").asText("");
                throw new ProbeException(ProbeException.USAGE, "The local stack at " + api + " answered HTTP " + status
                        + " to GET " + url.getPath() + (detail.isEmpty() ? "." : ": " + detail));
            }
            Map<String, String> environment = new LinkedHashMap<>();
            body.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            return environment;
        } catch (IOException e) {
            throw new ProbeException(ProbeException.USAGE, "The local stack at " + api + " is not reachable ("
                    + e.getMessage() + "); start it first (./run-local.sh or local-stack/bench/cold-starts.sh).");
        }
    }

    /**
     * As {@link #measure(ProbeTarget, Topology, Map, URI, long, Optional, Path)} with the entry point's own request,
     * the sample events under {@code samples}.
     */
    public static ColdStartReport measure(ProbeTarget target, Topology topology, Map<String, String> environment,
                                          URI api, long jvmBootMillis, Path samples) {
        return measure(target, topology, environment, api, jvmBootMillis, Optional.empty(), samples);
    }

    /**
     * Builds the event, then times the function's init (with its environment, as the local stack gives it)
     * and first invocation and judges the outcome. An authorizer is then called once more with the same event:
     * its warm call.
     *
     * @param jvmBootMillis  how long the JVM took to reach {@code main}, reported as is
     * @param authenticated  for an HTTP API, the authenticated request to send instead of the signup; for an
     *                       authorizer, the request to authorize
     * @param samples        the registered sample events ({@link QueueFeed#SAMPLES}), for a queue fed with one
     * @throws ProbeException if the event cannot be built (e.g. no message arrived on the queue)
     */
    public static ColdStartReport measure(ProbeTarget target, Topology topology, Map<String, String> environment,
                                          URI api, long jvmBootMillis, Optional<AuthenticatedRequest> authenticated,
                                          Path samples) {
        String prefix = namePrefix(topology, environment);
        String functionName = target.functionName(prefix);
        String handler = target.entryPoint().handlerClass();
        long timeoutMillis = target.function().timeoutSeconds() * 1_000L;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lambda-invoke");
            t.setDaemon(true);
            return t;
        });
        ProbeEvents events = new ProbeEvents(Json.MAPPER, topology, environment, prefix, api, samples);
        try (ProbeEvent event = events.forEntryPoint(target, authenticated)) {
            Measurement measurement = new Measurement(target, event, jvmBootMillis);
            FunctionJar jar = null;
            long start = System.nanoTime();
            try {
                jar = FunctionJar.open(target.function().family(), target.classpath(), environment);
                jar.initialize(handler);
            } catch (FunctionJar.HandlerException | LocalStackException e) {
                long init = millisSince(start);
                if (jar != null) {
                    jar.close();
                }
                return measurement.report(init, 0, ColdStartReport.NOT_MEASURED, event.failed(describe(e)));
            }
            long init = millisSince(start);
            try {
                FunctionJar loaded = jar;
                Callable<String> call = () -> loaded.invoke(handler, event.json(), functionName, timeoutMillis);
                long invoked = System.nanoTime();
                String response = awaitResponse(worker.submit(call), timeoutMillis);
                long invocation = millisSince(invoked);
                if (response == null) {
                    return measurement.report(init, invocation, ColdStartReport.NOT_MEASURED,
                            event.failed("timed out after " + timeoutMillis / 1_000 + " s"));
                }
                ProbeEvent.Verdict verdict = event.settle(response);
                long warm = ColdStartReport.NOT_MEASURED;
                if (event instanceof ProbeEvent.AuthorizerRequest && verdict.succeeded()) {
                    long again = System.nanoTime();
                    String second = awaitResponse(worker.submit(call), timeoutMillis);
                    warm = millisSince(again);
                    if (second == null || !event.settle(second).succeeded()) {
                        verdict = event.failed("the warm call did not authorize: " + second);
                    }
                }
                return measurement.report(init, invocation, warm, verdict);
            } catch (ExecutionException e) {
                return measurement.report(init, millisSince(start) - init, ColdStartReport.NOT_MEASURED,
                        event.failed(describe(e.getCause())));
            } finally {
                jar.close();
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** The response, or null when the function's timeout passed first (Lambda would stop it there). */
    private static String awaitResponse(Future<String> call, long timeoutMillis) throws ExecutionException {
        try {
            return call.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return null;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for the function", e);
        }
    }

    /** The prefix the stack's resources were named with; the provisioner names the bus {@code <prefix><bus>}. */
    private static String namePrefix(Topology topology, Map<String, String> environment) {
        String bus = environment.getOrDefault(ConfigKeys.EVENT_BUS, "");
        return bus.endsWith(topology.eventBus()) ? bus.substring(0, bus.length() - topology.eventBus().length())
                : LocalStackOptions.DEFAULT_PREFIX;
    }

    /** What a report says about the target and its event, whatever the timings. */
    private record Measurement(ProbeTarget target, ProbeEvent event, long jvmBootMillis) {
        ColdStartReport report(long initMillis, long invocationMillis, long warmMillis, ProbeEvent.Verdict verdict) {
            String detail = verdict.detail().length() > MAX_DETAIL ? verdict.detail().substring(0, MAX_DETAIL) + "..."
                    : verdict.detail();
            return new ColdStartReport(target.function().family(), target.entryPoint().name(),
                    target.entryPoint().handlerClass(), kind(target), target.function().memoryMb(), event.route(),
                    jvmBootMillis, initMillis, invocationMillis, warmMillis, verdict.succeeded(), detail,
                    verdict.authorizerContext());
        }
    }

    /** The error and its root cause, which for a handler that failed to start names the missing setting. */
    private static String describe(Throwable e) {
        String message = e instanceof FunctionJar.HandlerException handler
                ? handler.errorType() + ": " + handler.errorMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root == e.getCause() && e instanceof FunctionJar.HandlerException ? message
                : message + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Jackson is set up on first use, after main has noted its start: JVM boot is the JVM's, not the probe's. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
