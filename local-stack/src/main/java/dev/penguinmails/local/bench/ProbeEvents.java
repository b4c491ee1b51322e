package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.local.http.ApiGatewayEvents;
import dev.penguinmails.local.http.ApiGatewayResponses;
import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.RouteMatch;
import dev.penguinmails.local.http.RouteTable;
import dev.penguinmails.local.queues.QueuePoller;
import dev.penguinmails.local.queues.SqsEvents;
import dev.penguinmails.local.schedules.ScheduledEvents;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.Topology;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Builds each kind of entry point's event with the local stack's own builders, as API Gateway, SQS and EventBridge send it. */
final class ProbeEvents {
    static final String SIGNUP_PATH = "/v1/signup";
    /** How long a queue probe waits for a message (SQS allows long polls of up to 20 s). */
    static final int QUEUE_WAIT_SECONDS = 10;

    private final ObjectMapper json;
    private final Topology topology;
    private final Map<String, String> environment;
    private final String namePrefix;
    private final URI api;

    ProbeEvents(ObjectMapper json, Topology topology, Map<String, String> environment, String namePrefix, URI api) {
        this.json = json;
        this.topology = topology;
        this.environment = environment;
        this.namePrefix = namePrefix;
        this.api = api;
    }

    ProbeEvent forEntryPoint(ProbeTarget target) {
        EntryPoint entryPoint = target.entryPoint();
        if (entryPoint instanceof HttpApiHandler) {
            return signup(target);
        }
        if (entryPoint instanceof QueueHandler queue) {
            return batch(queue);
        }
        return schedule(target, (ScheduledHandler) entryPoint);
    }

    /** {@code POST /v1/signup} from a random private address, so that the per-address signup throttle never trips. */
    private ProbeEvent signup(ProbeTarget target) {
        RouteMatch match = new RouteTable(topology.httpRoutes().toList()).match("POST", SIGNUP_PATH)
                .filter(m -> m.route().function().family().equals(target.function().family()))
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, "POST " + SIGNUP_PATH
                        + " is not routed to the " + target.function().family()
                        + " function, and the signup is the request the HTTP API probe sends."));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String email = "cold-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "@example.com";
        String body = json.createObjectNode().put("email", email).put("password", "violet-tractor-sings-Quarterly-42")
                .put("name", "Cold Start").put("workspaceName", "Cold Start").toString();
        String sourceIp = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(api.getHost() + ":" + api.getPort()));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Content-Length", List.of(Integer.toString(bytes.length)));
        headers.put("User-Agent", List.of("penguinmails-cold-start-probe"));
        GatewayRequest request = new GatewayRequest("POST", SIGNUP_PATH, "", "HTTP/1.1", headers, bytes, sourceIp,
                api.getPort(), ApiGatewayEvents.newRequestId(), Instant.now());
        return new ProbeEvent.Signup(new ApiGatewayEvents(json).toEvent(request, match), email,
                new ApiGatewayResponses(json));
    }

    /**
     * Up to {@code batchSize} messages from the handler's queue, received as the poller receives them.
     *
     * @throws ProbeException (exit code 1) if none arrives within {@value #QUEUE_WAIT_SECONDS} s
     */
    private ProbeEvent batch(QueueHandler handler) {
        String url = require(ConfigKeys.queueUrl(handler.queue()));
        SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(require(ConfigKeys.endpoint("sqs"))))
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        List<Message> messages = new ArrayList<>(QueuePoller.receive(sqs, url, Math.min(10, handler.batchSize()),
                QUEUE_WAIT_SECONDS));
        if (messages.isEmpty()) {
            throw new ProbeException(ProbeException.FAILED, "No message arrived on " + handler.queue() + " within "
                    + QUEUE_WAIT_SECONDS + " s; pause the stack's poller (POST /_local/queues/" + handler.queue()
                    + "/pause) and give the queue a message first (the HTTP API probe's signup does).");
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
