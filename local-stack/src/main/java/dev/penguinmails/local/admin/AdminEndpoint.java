package dev.penguinmails.local.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.penguinmails.local.functions.ColdStart;
import dev.penguinmails.local.functions.Outcome;
import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.HttpReply;
import dev.penguinmails.local.http.LocalEndpoint;
import dev.penguinmails.local.http.Problems;
import dev.penguinmails.local.queues.QueuePoller;
import dev.penguinmails.local.schedules.ScheduledJob;
import dev.penguinmails.local.schedules.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Local-only endpoints under {@code /_local/}: {@code GET health} (200 when every part is up, else 503),
 * {@code GET queues} (the depth of every queue and DLQ, and whether its poller is paused),
 * {@code POST queues/{queue}/pause|resume} (stops or restarts a queue's poller, as disabling or enabling
 * an event source mapping does), {@code GET cold-starts}, {@code GET functions/{family}/environment}
 * (the properties every function is given, its Lambda environment on AWS) and
 * {@code POST schedules/{family}/{name}} (runs a scheduled handler now and returns its outcome).
 */
public final class AdminEndpoint implements LocalEndpoint {
    public static final String PREFIX = "/_local/";

    private final ObjectMapper json;
    private final Supplier<Map<String, String>> health;
    private final QueueDepths queues;
    private final Scheduler scheduler;
    private final Supplier<Map<String, ColdStart>> coldStarts;
    private final Map<String, QueuePoller> pollers;
    private final Set<String> families;
    private final Map<String, Map<String, String>> functionEnvironments;

    /**
     * @param health              each part of the stack mapped to "UP" or to what is wrong with it
     * @param pollers             the poller of each logical queue that has a consumer
     * @param functionEnvironments the properties each function family is given, by family
     */
    public AdminEndpoint(ObjectMapper json, Supplier<Map<String, String>> health, QueueDepths queues, Scheduler scheduler,
                         Supplier<Map<String, ColdStart>> coldStarts, Map<String, QueuePoller> pollers,
                         Map<String, Map<String, String>> functionEnvironments) {
        this.json = json;
        this.coldStarts = coldStarts;
        this.health = health;
        this.queues = queues;
        this.scheduler = scheduler;
        this.pollers = Map.copyOf(pollers);
        this.families = Set.copyOf(functionEnvironments.keySet());
        this.functionEnvironments = Map.copyOf(functionEnvironments);
    }

    @Override
    public boolean accepts(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public HttpReply handle(GatewayRequest request) {
        String path = request.rawPath();
        String method = request.method();
        Optional<HttpReply> forbidden = refuseUnlessLoopback(request);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        if (path.equals(PREFIX + "health")) {
            return method.equals("GET") ? health() : notAllowed(path, "GET");
        }
        if (path.equals(PREFIX + "queues")) {
            return method.equals("GET") ? queues() : notAllowed(path, "GET");
        }
        if (path.equals(PREFIX + "cold-starts")) {
            return method.equals("GET") ? coldStarts() : notAllowed(path, "GET");
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length == 3 && parts[0].equals("schedules")) {
            return method.equals("POST") ? runSchedule(parts[1], parts[2], path) : notAllowed(path, "POST");
        }
        if (parts.length == 3 && parts[0].equals("queues") && (parts[2].equals("pause") || parts[2].equals("resume"))) {
            return method.equals("POST") ? pauseOrResume(parts[1], parts[2].equals("pause"), path)
                    : notAllowed(path, "POST");
        }
        if (parts.length == 3 && parts[0].equals("functions") && parts[2].equals("environment")) {
            return method.equals("GET") ? environment(parts[1], path) : notAllowed(path, "GET");
        }
        return Problems.reply(404, "not-found", "Not Found",
                "No local endpoint at " + path + "; there are GET /_local/health, GET /_local/queues, "
                        + "POST /_local/queues/{queue}/pause, POST /_local/queues/{queue}/resume, "
                        + "GET /_local/cold-starts, GET /_local/functions/{family}/environment, "
                        + "POST /_local/schedules/{family}/{name} and PUT, GET or DELETE /_local/dns/{zone}.", path);
    }

    /**
     * The 403 for a request not addressed to this machine by name, or empty when it is. A web page can point its
     * own host name at 127.0.0.1 (DNS rebinding); the local endpoints hand out the local signing key, run jobs
     * and rewrite DNS zones, so they answer only requests with a loopback Host.
     */
    static Optional<HttpReply> refuseUnlessLoopback(GatewayRequest request) {
        if (addressedToLoopback(request)) {
            return Optional.empty();
        }
        return Optional.of(Problems.reply(403, "forbidden", "Forbidden",
                "Local endpoints answer only requests with Host 127.0.0.1, localhost or [::1].", request.rawPath()));
    }

    /** Whether the request's Host header names the loopback interface (any port). */
    static boolean addressedToLoopback(GatewayRequest request) {
        String host = request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Host") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0).trim().toLowerCase(java.util.Locale.ROOT))
                .findFirst().orElse("");
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    private HttpReply health() {
        Map<String, String> parts = health.get();
        boolean up = parts.values().stream().allMatch("UP"::equals);
        ObjectNode body = json.createObjectNode();
        body.put("status", up ? "UP" : "DOWN");
        ObjectNode components = body.putObject("components");
        parts.forEach(components::put);
        return ok(up ? 200 : 503, body);
    }

    private HttpReply coldStarts() {
        ObjectNode body = json.createObjectNode();
        var list = body.putArray("coldStarts");
        coldStarts.get().values().forEach(c -> list.add(json.valueToTree(c)));
        return ok(200, body);
    }

    private HttpReply queues() {
        ObjectNode body = json.createObjectNode();
        var list = body.putArray("queues");
        for (QueueDepths.QueueDepth depth : queues.read()) {
            ObjectNode queue = json.valueToTree(depth);
            QueuePoller poller = pollers.get(depth.name());
            if (poller != null) {
                queue.put("paused", poller.isPaused());
            }
            list.add(queue);
        }
        return ok(200, body);
    }

    private HttpReply pauseOrResume(String queue, boolean pause, String path) {
        QueuePoller poller = pollers.get(queue);
        if (poller == null) {
            String polled = pollers.isEmpty() ? "no queue has one"
                    : "the queues with one are " + String.join(", ", pollers.keySet().stream().sorted().toList());
            return Problems.reply(404, "not-found", "Not Found", "There is no poller for a queue " + queue + "; "
                    + polled + ".", path);
        }
        if (pause) {
            poller.pause();
        } else {
            poller.resume();
        }
        ObjectNode body = json.createObjectNode();
        body.put("queue", queue);
        body.put("paused", poller.isPaused());
        return ok(200, body);
    }

    private HttpReply environment(String family, String path) {
        if (!families.contains(family)) {
            return Problems.reply(404, "not-found", "Not Found", "There is no function family " + family
                    + "; the families are " + String.join(", ", families.stream().sorted().toList()) + ".", path);
        }
        ObjectNode body = json.createObjectNode();
        body.put("function", family);
        ObjectNode environment = body.putObject("environment");
        functionEnvironments.get(family).forEach(environment::put);
        return ok(200, body);
    }

    private HttpReply runSchedule(String family, String name, String path) {
        Optional<ScheduledJob> job = scheduler.job(family, name);
        if (job.isEmpty()) {
            return Problems.reply(404, "not-found", "Not Found", "There is no scheduled handler " + name
                    + " in function " + family + ".", path);
        }
        Outcome outcome = scheduler.runNow(job.get());
        ObjectNode body = json.createObjectNode();
        body.put("function", family);
        body.put("schedule", name);
        body.put("handler", job.get().handlerClass());
        body.put("durationMillis", outcome.took().toMillis());
        if (outcome instanceof Outcome.Succeeded ok) {
            body.put("status", "succeeded");
            body.set("response", parse(ok.responseJson()));
            return ok(200, body);
        }
        if (outcome instanceof Outcome.Failed failed) {
            body.put("status", "failed");
            body.put("errorType", failed.errorType());
            body.put("errorMessage", failed.errorMessage());
        } else {
            body.put("status", "timed-out");
        }
        return ok(500, body);
    }

    private JsonNode parse(String responseJson) {
        try {
            return json.readTree(responseJson);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(responseJson);
        }
    }

    private HttpReply ok(int status, ObjectNode body) {
        return new HttpReply(status, List.of(Map.entry("Content-Type", "application/json")),
                body.toString().getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** A 405 problem with the Allow header, e.g. {@code notAllowed(path, "GET")}. */
    static HttpReply notAllowed(String path, String allowed) {
        HttpReply problem = Problems.reply(405, "method-not-allowed", "Method Not Allowed",
                path + " accepts only " + allowed + ".", path);
        return new HttpReply(405, concat(problem.headers(), Map.entry("Allow", allowed)), problem.body(), List.of());
    }

    private static List<Map.Entry<String, String>> concat(List<Map.Entry<String, String>> headers,
                                                          Map.Entry<String, String> extra) {
        var all = new java.util.ArrayList<>(headers);
        all.add(extra);
        return all;
    }
}
