package dev.penguinmails.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.event.ruler.GenericMachine;

/**
 * EventBridge's PutEvents, served over the same JSON 1.1 protocol as AWS so that the SDK's
 * EventBridgeClient works against it unmodified. Entries are validated as AWS validates them, matched
 * with AWS's own Event Ruler against the rules registered for their bus, and each matching event is
 * delivered as the standard EventBridge event JSON to the rule's SQS target queues.
 *
 * <p>As on AWS, an accepted entry is not failed by its delivery: a target that cannot take the event now is
 * retried in the background ({@link DeliveryRetries}), and one given up on is kept in
 * {@link #undeliveredEvents()} and logged as an error. The first attempt is made before PutEvents answers,
 * so that a local run (and a test) sees an event in its queues as soon as the publisher does; only retries
 * come later (docs/decisions/0014).
 */
public final class LocalEventBridge implements AutoCloseable {
    public static final String DEFAULT_BUS = "default";
    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final int KEPT_EVENTS = 1000;
    private static final int SQS_BATCH_ENTRIES = 10;
    private static final int SQS_BATCH_BYTES = 256 * 1024;
    private static final String TARGET_PREFIX = "AWSEvents.";
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_INSTANT;
    private static final Logger LOG = LoggerFactory.getLogger(LocalEventBridge.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Bus> buses = new ConcurrentHashMap<>();
    private final Deque<PublishedEvent> published = new ArrayDeque<>();
    private final SqsClient sqs;
    private final HttpServer server;
    private final ExecutorService executor;
    private final DeliveryRetries retries;
    private final ScheduledExecutorService retrier;
    private final AtomicInteger pendingRetries = new AtomicInteger();
    private final List<UndeliveredEvent> undelivered = new CopyOnWriteArrayList<>();

    private LocalEventBridge(SqsClient sqs, HttpServer server, ExecutorService executor, DeliveryRetries retries) {
        this.sqs = sqs;
        this.server = server;
        this.executor = executor;
        this.retries = retries;
        this.retrier = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "penguinmails-eventbridge-retries");
            t.setDaemon(true);
            return t;
        });
        buses.put(DEFAULT_BUS, new Bus(DEFAULT_BUS));
    }

    /**
     * Starts the endpoint on 127.0.0.1.
     *
     * @param port the port, or 0 for one the OS picks
     * @param sqs  the client that delivers to target queues (not closed by this class)
     */
    public static LocalEventBridge start(int port, SqsClient sqs) {
        return start(port, sqs, DeliveryRetries.aws());
    }

    /** Starts the endpoint on 127.0.0.1, retrying failed deliveries as {@code retries} says. */
    public static LocalEventBridge start(int port, SqsClient sqs, DeliveryRetries retries) {
        HttpServer server;
        try {
            server = LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new EmulatorException("The local EventBridge could not listen on port " + port + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "penguinmails-eventbridge-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LocalEventBridge bridge = new LocalEventBridge(sqs, server, executor, retries);
        server.createContext("/", bridge::handle);
        server.setExecutor(executor);
        server.start();
        return bridge;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Makes a custom bus exist, so that PutEvents to it succeeds even before it has rules. */
    public void createEventBus(String bus) {
        buses.computeIfAbsent(requireName(bus, "bus"), Bus::new);
    }

    /**
     * Adds (or replaces) a rule on a bus, creating the bus if needed.
     *
     * @param patternJson     an EventBridge event pattern, exactly as deployed
     * @param targetQueueUrls the SQS queues that receive matching events; each must exist
     * @throws EmulatorException if the pattern is not a valid event pattern or a target queue does not exist
     */
    public void registerRule(String bus, String ruleName, String patternJson, List<String> targetQueueUrls) {
        requireName(ruleName, "rule");
        if (targetQueueUrls == null || targetQueueUrls.isEmpty()) {
            throw new EmulatorException("Rule " + ruleName + " on bus " + bus + " has no target queue.");
        }
        for (String url : targetQueueUrls) {
            requireQueue(bus, ruleName, url);
        }
        Bus target = buses.computeIfAbsent(requireName(bus, "bus"), Bus::new);
        target.put(ruleName, patternJson, List.copyOf(targetQueueUrls));
    }

    /** Removes every rule of a bus; the bus itself stays, so publishing to it still succeeds. */
    public void removeRules(String bus) {
        Bus existing = buses.get(bus);
        if (existing != null) {
            existing.clear();
        }
    }

    /** The names of the rules registered on a bus (empty for an unknown bus). */
    public Set<String> ruleNames(String bus) {
        Bus existing = buses.get(bus);
        return existing == null ? Set.of() : existing.ruleNames();
    }

    /** The most recent events accepted on any bus (up to 1000), oldest first. */
    public List<PublishedEvent> publishedEvents() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    /** The most recent events accepted on one bus, oldest first. */
    public List<PublishedEvent> publishedEvents(String bus) {
        return publishedEvents().stream().filter(e -> e.eventBus().equals(bus)).toList();
    }

    public void clearPublishedEvents() {
        synchronized (published) {
            published.clear();
        }
    }

    /** Deliveries that failed and wait for a retry. */
    public int pendingRetries() {
        return pendingRetries.get();
    }

    /** The deliveries given up on after every retry, oldest first. */
    public List<UndeliveredEvent> undeliveredEvents() {
        return List.copyOf(undelivered);
    }

    @Override
    public void close() {
        server.stop(0);
        retrier.shutdownNow();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                dispatch(exchange);
            } catch (RuntimeException e) {
                LOG.error("Local EventBridge failed on a request", e);
                sendError(exchange, 500, "InternalException", String.valueOf(e.getMessage()));
            }
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            sendError(exchange, 400, "UnknownOperationException",
                    "This endpoint speaks EventBridge's JSON 1.1 protocol (POST with X-Amz-Target: AWSEvents.<operation>).");
            return;
        }
        String operation = target.substring(TARGET_PREFIX.length());
        if (!"PutEvents".equals(operation)) {
            sendError(exchange, 400, "UnknownOperationException",
                    "The local EventBridge supports PutEvents only, not " + operation + ".");
            return;
        }
        JsonNode request;
        try (InputStream body = exchange.getRequestBody()) {
            request = json.readTree(body);
        } catch (JsonProcessingException e) {
            sendError(exchange, 400, "SerializationException", "The request body is not valid JSON.");
            return;
        }
        try {
            send(exchange, 200, putEvents(request));
        } catch (ValidationException e) {
            sendError(exchange, 400, "ValidationException", e.getMessage());
        }
    }

    private ObjectNode putEvents(JsonNode request) {
        JsonNode entries = request == null ? null : request.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new ValidationException("1 validation error detected: Value null at 'entries' failed to satisfy "
                    + "constraint: Member must not be null and must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new ValidationException("1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_ENTRIES);
        }
        int total = 0;
        for (JsonNode entry : entries) {
            total += entrySize(entry);
        }
        if (total > MAX_REQUEST_BYTES) {
            throw new ValidationException("Total size of the entries in the request is over the limit.");
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", publish(entry, deliveries));
            } catch (EntryException e) {
                failed++;
                result.put("ErrorCode", e.code);
                result.put("ErrorMessage", e.getMessage());
            }
        }
        response.put("FailedEntryCount", failed);
        deliverTogether(deliveries);
        return response;
    }

    /** Validates and matches one entry, adding its deliveries to {@code deliveries}; returns its event id. */
    private String publish(JsonNode entry, List<Delivery> deliveries) {
        String source = text(entry, "Source");
        String detailType = text(entry, "DetailType");
        String detail = text(entry, "Detail");
        if (source == null || source.isBlank()) {
            throw new EntryException("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }
        if (detailType == null || detailType.isBlank()) {
            throw new EntryException("InvalidArgument",
                    "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }
        if (detail == null || detail.isBlank()) {
            throw new EntryException("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }
        if (source.startsWith("aws.")) {
            throw new EntryException("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        JsonNode detailNode;
        try {
            detailNode = json.readTree(detail);
        } catch (JsonProcessingException e) {
            detailNode = null;
        }
        if (detailNode == null || !detailNode.isObject()) {
            throw new EntryException("MalformedDetail", "Detail is malformed.");
        }
        String busName = busName(text(entry, "EventBusName"));
        Bus bus = buses.get(busName);
        if (bus == null) {
            throw new EntryException("ResourceNotFoundException", "Event bus " + busName + " does not exist.");
        }
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        Instant time = time(entry.get("Time"));
        String id = UUID.randomUUID().toString();

        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", ElasticMq.ACCOUNT_ID);
        event.put("time", EVENT_TIME.format(time));
        event.put("region", ElasticMq.REGION);
        ArrayNode resourceArray = event.putArray("resources");
        resources.forEach(resourceArray::add);
        event.set("detail", detailNode);
        String eventJson = event.toString();

        Map<String, List<String>> matches = bus.match(event);
        remember(new PublishedEvent(busName, id, source, detailType, detail, resources, time, eventJson,
                List.copyOf(matches.keySet())));
        for (var match : matches.entrySet()) {
            for (String queueUrl : match.getValue()) {
                deliveries.add(new Delivery(busName, id, match.getKey(), queueUrl, eventJson));
            }
        }
        return id;
    }

    /**
     * The first attempt of a call's deliveries, in SendMessageBatch calls per queue (decision 0079): one call's
     * events to one queue cost one request instead of one each, as EventBridge's own delivery costs its publisher
     * nothing. A delivery the batch did not take goes on as a single one, with the usual retries.
     */
    private void deliverTogether(List<Delivery> deliveries) {
        Map<String, List<Delivery>> byQueue = new LinkedHashMap<>();
        deliveries.forEach(d -> byQueue.computeIfAbsent(d.queueUrl(), q -> new ArrayList<>()).add(d));
        byQueue.forEach((queueUrl, toQueue) -> {
            for (List<Delivery> chunk : sqsBatches(toQueue)) {
                if (chunk.size() == 1) {
                    attempt(chunk.get(0), 1);
                    continue;
                }
                List<Delivery> refused = sendBatch(queueUrl, chunk);
                refused.forEach(d -> attempt(d, 1));
            }
        });
    }

    /** {@code deliveries} in order, in groups SendMessageBatch takes: ten messages, 256 KiB in all. */
    private static List<List<Delivery>> sqsBatches(List<Delivery> deliveries) {
        List<List<Delivery>> chunks = new ArrayList<>();
        List<Delivery> current = new ArrayList<>();
        int bytes = 0;
        for (Delivery d : deliveries) {
            int size = d.eventJson().getBytes(StandardCharsets.UTF_8).length;
            if (!current.isEmpty() && (current.size() == SQS_BATCH_ENTRIES || bytes + size > SQS_BATCH_BYTES)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(d);
            bytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Sends {@code chunk} in one SendMessageBatch; returns the deliveries it did not take. */
    private List<Delivery> sendBatch(String queueUrl, List<Delivery> chunk) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(chunk.get(i).eventJson()).build());
        }
        try {
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            return response.failed().stream().map(f -> chunk.get(Integer.parseInt(f.id()))).toList();
        } catch (SdkException e) {
            return chunk;
        }
    }

    /** One attempt; a failed one is retried later, until the retries run out. */
    private void attempt(Delivery delivery, int attempt) {
        try {
            sqs.sendMessage(b -> b.queueUrl(delivery.queueUrl()).messageBody(delivery.eventJson()));
            if (attempt > 1) {
                LOG.info("Event {} reached {} on attempt {}", delivery.eventId(), delivery.queueUrl(), attempt);
            }
        } catch (SdkException e) {
            if (attempt >= retries.maxAttempts()) {
                undelivered.add(new UndeliveredEvent(delivery.bus(), delivery.eventId(), delivery.rule(),
                        delivery.queueUrl(), attempt, String.valueOf(e.getMessage())));
                LOG.error("Event {} on bus {} was not delivered by rule {} to {} after {} attempts; giving up: {}",
                        delivery.eventId(), delivery.bus(), delivery.rule(), delivery.queueUrl(), attempt, e.getMessage());
                return;
            }
            var delay = retries.delayBefore(attempt + 1);
            LOG.warn("Event {} on bus {} could not be delivered by rule {} to {} (attempt {}); retrying in {} ms: {}",
                    delivery.eventId(), delivery.bus(), delivery.rule(), delivery.queueUrl(), attempt, delay.toMillis(),
                    e.getMessage());
            pendingRetries.incrementAndGet();
            try {
                retrier.schedule(() -> {
                    pendingRetries.decrementAndGet();
                    attempt(delivery, attempt + 1);
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                pendingRetries.decrementAndGet();
            }
        }
    }

    private record Delivery(String bus, String eventId, String rule, String queueUrl, String eventJson) { }

    private void remember(PublishedEvent event) {
        synchronized (published) {
            published.addLast(event);
            if (published.size() > KEPT_EVENTS) {
                published.removeFirst();
            }
        }
    }

    /** The entry size as AWS computes it (Time counts 14 bytes; the rest their UTF-8 length). */
    private static int entrySize(JsonNode entry) {
        int size = entry.hasNonNull("Time") ? 14 : 0;
        for (String field : List.of("Source", "DetailType", "Detail")) {
            String value = text(entry, field);
            size += value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode r : entry.path("Resources")) {
            size += r.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /** The SDK sends Time as epoch seconds; a missing one means now, as on AWS. */
    private static Instant time(JsonNode time) {
        if (time == null || time.isNull()) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        if (time.isNumber()) {
            return Instant.ofEpochMilli((long) (time.asDouble() * 1000)).truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(time.asText()).truncatedTo(ChronoUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new EntryException("InvalidArgument", "Parameter Time is not valid.");
        }
    }

    /** A bus is named by its name or its ARN ({@code arn:aws:events:region:account:event-bus/name}). */
    private static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new EmulatorException("An event " + what + " name must not be blank.");
        }
        return name;
    }

    private void requireQueue(String bus, String rule, String queueUrl) {
        try {
            sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
        } catch (SdkException e) {
            throw new EmulatorException("Rule " + rule + " on bus " + bus + " targets queue " + queueUrl
                    + ", which does not exist or cannot be reached (" + e.getMessage() + ").", e);
        }
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON_11);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, body);
    }

    /** One bus: its rules by name and the Event Ruler machine compiled from their patterns. */
    private final class Bus {
        private final String name;
        private final Map<String, Rule> rules = new LinkedHashMap<>();
        private GenericMachine<String> machine = new GenericMachine<>();

        Bus(String name) {
            this.name = name;
        }

        synchronized void put(String ruleName, String pattern, List<String> targets) {
            GenericMachine<String> next = new GenericMachine<>();
            try {
                next.addRule(ruleName, pattern);
                for (Rule r : rules.values()) {
                    if (!r.name.equals(ruleName)) {
                        next.addRule(r.name, r.pattern);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new EmulatorException("Rule " + ruleName + " on bus " + name + " has an invalid event pattern: "
                        + e.getMessage(), e);
            }
            rules.put(ruleName, new Rule(ruleName, pattern, targets));
            machine = next;
        }

        synchronized void clear() {
            rules.clear();
            machine = new GenericMachine<>();
        }

        synchronized Set<String> ruleNames() {
            return Set.copyOf(rules.keySet());
        }

        /** The matching rules, in registration order, with their target queue URLs. */
        synchronized Map<String, List<String>> match(JsonNode event) {
            Set<String> matched = Set.copyOf(machine.rulesForJSONEvent(event));
            Map<String, List<String>> result = new LinkedHashMap<>();
            rules.values().stream().filter(r -> matched.contains(r.name)).forEach(r -> result.put(r.name, r.targets));
            return result;
        }
    }

    private record Rule(String name, String pattern, List<String> targets) { }

    /** A request-level validation failure: the whole call fails, as on AWS. */
    private static final class ValidationException extends RuntimeException {
        ValidationException(String message) {
            super(message);
        }
    }

    /** One entry failed; the others go on. */
    private static final class EntryException extends RuntimeException {
        private final String code;

        EntryException(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
