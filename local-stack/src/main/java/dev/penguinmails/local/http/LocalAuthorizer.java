package dev.penguinmails.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.functions.HandlerInvoker;
import dev.penguinmails.local.functions.Outcome;
import dev.penguinmails.topology.AuthorizerHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda authorizer as an API Gateway HTTP API runs one (REQUEST type, payload 2.0, simple responses):
 * a request without the identity source is refused with 401 before the authorizer runs; otherwise the
 * authorizer's answer, cached per identity-source value for the TTL, either refuses it with 403 or lets it
 * through with its context. An authorizer that fails (or answers nonsense) makes the request a 500, uncached.
 */
public final class LocalAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAuthorizer.class);
    // A local stack serves few callers; past this many cached answers, start over rather than grow.
    private static final int MAX_CACHED = 10_000;

    private final AuthorizerHandler handler;
    private final HandlerInvoker invoker;
    private final ApiGatewayEvents events;
    private final ObjectMapper json;
    private final LongSupplier nanoTime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong invocations = new AtomicLong();

    public LocalAuthorizer(AuthorizerHandler handler, HandlerInvoker invoker, ApiGatewayEvents events, ObjectMapper json) {
        this(handler, invoker, events, json, System::nanoTime);
    }

    LocalAuthorizer(AuthorizerHandler handler, HandlerInvoker invoker, ApiGatewayEvents events, ObjectMapper json,
                    LongSupplier nanoTime) {
        this.handler = handler;
        this.invoker = invoker;
        this.events = events;
        this.json = json;
        this.nanoTime = nanoTime;
    }

    /** What API Gateway does about one request to an authorized route. */
    public sealed interface Verdict {
        /** Let through with this context for {@code requestContext.authorizer.lambda}. */
        record Allowed(Map<String, Object> context) implements Verdict { }

        /** Answered by API Gateway itself. */
        record Refused(HttpReply reply) implements Verdict { }
    }

    /** Decides {@code request}, which matched {@code match}, invoking the authorizer unless a cached answer holds. */
    public Verdict authorize(GatewayRequest request, RouteMatch match) {
        String identity = identitySource(request);
        if (identity == null) {
            return new Verdict.Refused(gatewayReply(401, "Unauthorized"));
        }
        long now = nanoTime.getAsLong();
        Cached hit = cache.get(identity);
        if (hit != null && now - hit.at() < handler.resultTtlSeconds() * 1_000_000_000L) {
            return hit.verdict();
        }
        invocations.incrementAndGet();
        Outcome outcome = invoker.invoke(events.toAuthorizerEvent(request, match, List.of(identity)));
        Verdict verdict = read(outcome);
        if (verdict == null) {
            return new Verdict.Refused(gatewayReply(500, "Internal Server Error"));
        }
        if (handler.resultTtlSeconds() > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(identity, new Cached(verdict, now));
        }
        return verdict;
    }

    /** How often the authorizer has been invoked; cached answers do not count. */
    public long invocations() {
        return invocations.get();
    }

    private String identitySource(GatewayRequest request) {
        String wanted = handler.identityHeader();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (header.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                String value = String.join(",", header.getValue());
                // API Gateway treats an empty identity source as a missing one.
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    /** The verdict in a simple response, or null if the authorizer failed or answered something else. */
    private Verdict read(Outcome outcome) {
        if (!(outcome instanceof Outcome.Succeeded succeeded)) {
            LOG.warn("The authorizer failed: {}", outcome);
            return null;
        }
        try {
            JsonNode response = json.readTree(succeeded.responseJson());
            JsonNode authorized = response.get("isAuthorized");
            if (authorized == null || !authorized.isBoolean()) {
                LOG.warn("The authorizer's response has no boolean isAuthorized: {}", succeeded.responseJson());
                return null;
            }
            if (!authorized.booleanValue()) {
                return new Verdict.Refused(gatewayReply(403, "Forbidden"));
            }
            JsonNode context = response.path("context");
            Map<String, Object> values = context.isObject() ? json.convertValue(context, Map.class) : Map.of();
            return new Verdict.Allowed(Map.copyOf(values));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("The authorizer's response is not JSON: {}", e.getMessage());
            return null;
        }
    }

    /** API Gateway's own answers are JSON messages, not problem documents. */
    static HttpReply gatewayReply(int status, String message) {
        return new HttpReply(status, List.of(Map.entry("Content-Type", "application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8), List.of());
    }

    private record Cached(Verdict verdict, long at) { }
}
