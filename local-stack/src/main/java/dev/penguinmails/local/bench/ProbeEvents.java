package dev.penguinmails.local.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.local.http.ApiGatewayEvents;
import dev.penguinmails.local.http.ApiGatewayResponses;
import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.RouteMatch;
import dev.penguinmails.local.http.RouteTable;
import dev.penguinmails.local.queues.QueuePoller;
import dev.penguinmails.local.queues.SqsEvents;
import dev.penguinmails.local.schedules.ScheduledEvents;
import dev.penguinmails.topology.AuthorizerHandler;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.HttpRoute;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.Topology;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Builds each kind of entry point's event with the local stack's own builders, as API Gateway, SQS and EventBridge send it. */
final class ProbeEvents {
    static final String SIGNUP_PATH = "/v1/signup";
    /** An authorized route every request to which the authorizer judges first. */
    static final String ME_PATH = "/v1/me";
    /** How long a queue probe waits for a message (SQS allows long polls of up to 20 s). */
    static final int QUEUE_WAIT_SECONDS = 10;

    private final ObjectMapper json;
    private final Topology topology;
    private final Map<String, String> environment;
    private final String namePrefix;
    private final URI api;
    private final Path samples;

    /** @param samples where the registered sample events are ({@link QueueFeed#SAMPLES} under the project root) */
    ProbeEvents(ObjectMapper json, Topology topology, Map<String, String> environment, String namePrefix, URI api,
                Path samples) {
        this.json = json;
        this.topology = topology;
        this.environment = environment;
        this.namePrefix = namePrefix;
        this.api = api;
        this.samples = samples;
    }

    ProbeEvent forEntryPoint(ProbeTarget target, Optional<AuthenticatedRequest> authenticated) {
        EntryPoint entryPoint = target.entryPoint();
        if (target.function().family().equals(ReferenceFunction.FAMILY)) {
            return reference(target);
        }
        if (entryPoint instanceof HttpApiHandler api) {
            return authenticated.map(request -> authenticatedCall(target, request))
                    .orElseGet(() -> routesSignup(target) ? signup(target) : publicGet(target, api));
        }
        if (entryPoint instanceof QueueHandler queue) {
            return batch(queue);
        }
        if (entryPoint instanceof AuthorizerHandler authorizer) {
            return authenticated.map(this::authorizer).orElseGet(() -> authorization(authorizer));
        }
        if (entryPoint instanceof ScheduledHandler scheduled) {
            return schedule(target, scheduled);
        }
        throw new ProbeException(ProbeException.USAGE, "The probe cannot build an event for the "
                + entryPoint.getClass().getSimpleName() + " entry point " + entryPoint.name() + ".");
    }

    /** {@code POST /v1/signup} from a random private address, so that the per-address signup throttle never trips. */
    private ProbeEvent signup(ProbeTarget target) {
        String email = "cold-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + "@example.com";
        String body = json.createObjectNode().put("email", email).put("password", "violet-tractor-sings-Quarterly-42")
                .put("name", "Cold Start").put("workspaceName", "Cold Start").toString();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        ObjectNode event = gatewayEvent(new RouteTable(topology.httpRoutes().toList()), target, "POST", SIGNUP_PATH,
                headers, body.getBytes(StandardCharsets.UTF_8));
        return new ProbeEvent.HttpCall(event.toString(), route(event), email, 202, new ApiGatewayResponses(json));
    }

    /**
     * The request an HTTP API entry point is first probed with, as {@code ColdStartProbe --list} prints it:
     * {@code signup}, {@code public} (its first public {@code GET} without path variables), or, for a family whose
     * every route is authorized, {@code authenticated:<path>}: its first {@code GET} whose only path variable is the
     * workspace, which the bench sends with a signed-in account's token; {@code -} when it has none of these.
     */
    static String firstRequest(Topology topology, FunctionSpec function, HttpApiHandler api) {
        boolean signup = new RouteTable(topology.httpRoutes().toList()).match("POST", SIGNUP_PATH)
                .filter(m -> m.route().function().family().equals(function.family())).isPresent();
        if (signup) {
            return "signup";
        }
        if (api.routes().stream().anyMatch(ProbeEvents::publicGet)) {
            return "public";
        }
        return api.routes().stream()
                .filter(r -> r.method().equals("GET") && r.path().replace("{workspaceId}", "").indexOf('{') < 0)
                .findFirst().map(r -> "authenticated:" + r.path()).orElse("-");
    }

    private static boolean publicGet(HttpRoute route) {
        return route.access() == HttpRoute.Access.PUBLIC && route.method().equals("GET") && !route.path().contains("{");
    }

    /** Whether {@code target}'s function serves the signup, the first request of a family that has it. */
    private boolean routesSignup(ProbeTarget target) {
        return new RouteTable(topology.httpRoutes().toList()).match("POST", SIGNUP_PATH)
                .filter(m -> m.route().function().family().equals(target.function().family()))
                .isPresent();
    }

    /** The first public {@code GET} without path variables, for a family without the signup (billing's plans). */
    private ProbeEvent publicGet(ProbeTarget target, HttpApiHandler api) {
        HttpRoute route = api.routes().stream().filter(ProbeEvents::publicGet).findFirst()
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, "The " + target.function().family()
                        + " function has neither the signup nor a public GET without path variables to probe."));
        ObjectNode event = gatewayEvent(new RouteTable(topology.httpRoutes().toList()), target, "GET", route.path(),
                new LinkedHashMap<>(), new byte[0]);
        return new ProbeEvent.HttpCall(event.toString(), route(event), "GET " + route.path(), 200,
                new ApiGatewayResponses(json));
    }

    /** The reference's one request, {@code GET /reference}. */
    private ProbeEvent reference(ProbeTarget target) {
        RouteTable routes = new RouteTable(Stream.of(target.function()).flatMap(f -> f.httpApi().stream()
                .flatMap(api -> api.routes().stream().map(r -> new Topology.RoutedHttp(r, f, api)))).toList());
        String path = ReferenceFunction.ROUTE.substring(ReferenceFunction.ROUTE.indexOf(' ') + 1);
        ObjectNode event = gatewayEvent(routes, target, "GET", path, new LinkedHashMap<>(), new byte[0]);
        return new ProbeEvent.HttpCall(event.toString(), route(event), ReferenceFunction.ROUTE, 200,
                new ApiGatewayResponses(json));
    }

    /**
     * An authenticated {@code GET}, with the authorizer's context under {@code requestContext.authorizer.lambda}
     * where API Gateway puts it for a route behind a Lambda authorizer.
     */
    private ProbeEvent authenticatedCall(ProbeTarget target, AuthenticatedRequest request) {
        ObjectNode event = gatewayEvent(new RouteTable(topology.httpRoutes().toList()), target, "GET", request.path(),
                request.headers(), new byte[0]);
        request.authorizerContext().ifPresent(context -> ((ObjectNode) event.path("requestContext"))
                .putObject("authorizer").set("lambda", parse(context)));
        return new ProbeEvent.HttpCall(event.toString(), route(event), "GET " + request.path(), 200,
                new ApiGatewayResponses(json));
    }

    /**
     * The payload 2.0 REQUEST authorizer event API Gateway sends before {@code GET path} reaches its function
     * (simple responses), built by the local stack's own gateway with the credential as the identity source.
     */
    private ProbeEvent authorizer(AuthenticatedRequest request) {
        RouteMatch match = new RouteTable(topology.httpRoutes().toList()).match("GET", request.path())
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, "GET " + request.path()
                        + " is not routed to any function, which the probe's request must be."));
        // The request's headers carry the credential under the identity source's header already.
        String event = new ApiGatewayEvents(json).toAuthorizerEvent(gatewayRequest("GET", request.path(), request.headers(),
                new byte[0]), match, List.of(request.authorization()));
        return new ProbeEvent.AuthorizerRequest(event, match.routeKey(), "GET " + request.path(), json);
    }

    /** The API Gateway v2 event for a request to {@code target}'s function (any function's when it is null). */
    private ObjectNode gatewayEvent(RouteTable routes, ProbeTarget target, String method, String path,
                                    Map<String, List<String>> extraHeaders, byte[] body) {
        RouteMatch match = routes.match(method, path)
                .filter(m -> target == null || m.route().function().family().equals(target.function().family()))
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, method + " " + path + " is not routed to "
                        + (target == null ? "any function" : "the " + target.function().family() + " function")
                        + ", which the probe's request must be."));
        GatewayRequest request = gatewayRequest(method, path, extraHeaders, body);
        return (ObjectNode) parse(new ApiGatewayEvents(json).toEvent(request, match));
    }

    /** A request from a random private address to the stack's API, as the probe's client sends it. */
    private GatewayRequest gatewayRequest(String method, String path, Map<String, List<String>> extraHeaders,
                                          byte[] body) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sourceIp = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(api.getHost() + ":" + api.getPort()));
        headers.putAll(extraHeaders);
        if (body.length > 0) {
            headers.put("Content-Length", List.of(Integer.toString(body.length)));
        }
        headers.put("User-Agent", List.of("penguinmails-cold-start-probe"));
        return new GatewayRequest(method, path, "", "HTTP/1.1", headers, body, sourceIp, api.getPort(),
                ApiGatewayEvents.newRequestId(), Instant.now());
    }

    /** {@code METHOD /path/{variable}}: the request's method on the route's path, the same in every run. */
    private static String route(ObjectNode event) {
        String routeKey = event.path("routeKey").asText();
        return event.path("requestContext").path("http").path("method").asText() + " "
                + routeKey.substring(routeKey.indexOf(' ') + 1);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProbeException(ProbeException.USAGE, "Not JSON: " + e.getOriginalMessage());
        }
    }

    /** The authorizer event of {@code GET /v1/me} with an unknown (but well-formed) access token. */
    private ProbeEvent authorization(AuthorizerHandler handler) {
        RouteMatch match = new RouteTable(topology.httpRoutes().toList()).match("GET", ME_PATH)
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, "GET " + ME_PATH
                        + " is not routed; the authorizer probe authorizes a request to it."));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String header = "Bearer eyJhbGciOiJFUzI1NiJ9." + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + ".c2ln";
        GatewayRequest request = gatewayRequest("GET", ME_PATH, Map.of(handler.identityHeader(), List.of(header)),
                new byte[0]);
        return new ProbeEvent.Authorization(new ApiGatewayEvents(json).toAuthorizerEvent(request, match, List.of(header)),
                json);
    }

    /**
     * Up to {@code batchSize} messages from the handler's queue, received as the poller receives them; first, for
     * a queue whose {@link QueueFeed} is a sample event, that event is published to the local bus.
     *
     * @throws ProbeException (exit code 1) if none arrives within {@value #QUEUE_WAIT_SECONDS} s
     */
    private ProbeEvent batch(QueueHandler handler) {
        QueueFeed feed = QueueFeed.of(topology, samples, handler.queue(), json);
        if (feed instanceof QueueFeed.Sample sample) {
            publish(sample);
        }
        String url = require(ConfigKeys.queueUrl(handler.queue()));
        SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(require(ConfigKeys.endpoint("sqs"))))
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        if (feed instanceof QueueFeed.QueueMessage message) {
            send(sqs, url, message);
        }
        List<Message> messages = new ArrayList<>(QueuePoller.receive(sqs, url, Math.min(10, handler.batchSize()),
                QUEUE_WAIT_SECONDS));
        if (messages.isEmpty()) {
            throw new ProbeException(ProbeException.FAILED, "No message arrived on " + handler.queue() + " within "
                    + QUEUE_WAIT_SECONDS + " s; pause the stack's poller (POST /_local/queues/" + handler.queue()
                    + "/pause) and give the queue a message first (" + feedHint(feed) + ").");
        }
        while (messages.size() < handler.batchSize()) {
            List<Message> more = QueuePoller.receive(sqs, url, Math.min(10, handler.batchSize() - messages.size()), 0);
            if (more.isEmpty()) {
                break;
            }
            messages.addAll(more);
        }
        String event = new SqsEvents(json, LocalAwsClients.REGION.id()).toEvent(messages, QueuePoller.queueArn(sqs, url));
        return new ProbeEvent.Batch(event, messages, handler.queue(), url, sqs, json);
    }

    /** Sends the registered sample message to the queue, as the family itself would. */
    private static void send(SqsClient sqs, String url, QueueFeed.QueueMessage message) {
        String body;
        try {
            body = Files.readString(message.file());
        } catch (java.io.IOException e) {
            throw new ProbeException(ProbeException.USAGE, "The sample message " + message.file() + " cannot be read.");
        }
        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body.strip()));
    }

    private static String feedHint(QueueFeed feed) {
        if (feed instanceof QueueFeed.QueueMessage message) {
            return "the probe sent the sample message " + message.file();
        }
        if (feed instanceof QueueFeed.Sample sample) {
            return "the probe published the sample " + sample.detailType() + " to the bus; did its rule route it?";
        }
        if (feed instanceof QueueFeed.StripeCheckout) {
            return "complete a Stripe Checkout on the stand-in, whose webhooks fill it";
        }
        return feed instanceof QueueFeed.Signup ? "the HTTP API probe's signup does" : "send it one";
    }

    /**
     * Publishes the registered sample event to the stack's bus, as its source family would: with a fresh
     * {@code eventId} (consumers skip an id they handled) and the current time, everything else as registered.
     */
    private void publish(QueueFeed.Sample sample) {
        ObjectNode event;
        try {
            event = (ObjectNode) json.readTree(Files.readString(sample.file()));
        } catch (java.io.IOException | ClassCastException e) {
            throw new ProbeException(ProbeException.USAGE, "The sample event " + sample.file() + " is not a JSON object.");
        }
        ObjectNode detail = (ObjectNode) event.path("detail");
        detail.put("eventId", newEventId());
        // The envelope's schema allows milliseconds at most.
        detail.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        String bus = require(ConfigKeys.EVENT_BUS);
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(URI.create(require(ConfigKeys.endpoint("eventbridge"))))
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            PutEventsResponse response = events.putEvents(r -> r.entries(e -> e.eventBusName(bus)
                    .source(event.path("source").asText()).detailType(sample.detailType()).detail(detail.toString())));
            if (response.failedEntryCount() > 0) {
                throw new ProbeException(ProbeException.FAILED, "The local bus refused the sample " + sample.detailType()
                        + ": " + response.entries().get(0).errorMessage());
            }
        }
    }

    /** {@code evt_} and a ULID (48 bits of milliseconds, 80 random bits, Crockford base 32), as events carry. */
    static String newEventId() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder id = new StringBuilder("evt_");
        long millis = System.currentTimeMillis();
        for (int shift = 45; shift >= 0; shift -= 5) {
            id.append(alphabet.charAt((int) (millis >>> shift) & 31));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 16; i++) {
            id.append(alphabet.charAt(random.nextInt(32)));
        }
        return id.toString();
    }

    private ProbeEvent schedule(ProbeTarget target, ScheduledHandler handler) {
        ScheduledEvents events = new ScheduledEvents(json, ApiGatewayEvents.ACCOUNT_ID, LocalAwsClients.REGION.id());
        String rule = namePrefix + target.function().family() + "-" + handler.name();
        return new ProbeEvent.Schedule(events.toEvent(events.ruleArn(rule), Instant.now()));
    }

    private String require(String key) {
        String value = environment.get(key);
        if (value == null) {
            throw new ProbeException(ProbeException.USAGE, "The local stack's environment has no " + key
                    + "; is it running this topology?");
        }
        return value;
    }
}
