package dev.penguinmails.local.http;

import dev.penguinmails.local.functions.HandlerInvoker;
import dev.penguinmails.local.functions.Outcome;
import dev.penguinmails.topology.Topology.RoutedHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API Gateway HTTP API: routes a request, hands the function a payload 2.0 event, and turns
 * its response (or its failure) into the HTTP response API Gateway would send. Errors of its own are
 * problem+json: no route is 404, a function error 500, an answer later than the 30 s integration
 * timeout 504.
 */
public final class ApiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);

    private final RouteTable routes;
    private final BiFunction<RoutedHttp, Duration, HandlerInvoker> invokers;
    private final ApiGatewayEvents events;
    private final ApiGatewayResponses responses;
    private final GatewayLimits limits;
    private final Optional<LocalAuthorizer> authorizer;

    /**
     * @param invokers gives the invoker of a route's function that waits at most the given time
     */
    public ApiGateway(RouteTable routes, BiFunction<RoutedHttp, Duration, HandlerInvoker> invokers,
                      ApiGatewayEvents events, ApiGatewayResponses responses, GatewayLimits limits) {
        this(routes, invokers, events, responses, limits, Optional.empty());
    }

    /**
     * @param authorizer runs before every route that is not public, as the topology's authorizer does on AWS
     */
    public ApiGateway(RouteTable routes, BiFunction<RoutedHttp, Duration, HandlerInvoker> invokers,
                      ApiGatewayEvents events, ApiGatewayResponses responses, GatewayLimits limits,
                      Optional<LocalAuthorizer> authorizer) {
        this.authorizer = authorizer;
        this.routes = routes;
        this.invokers = invokers;
        this.events = events;
        this.responses = responses;
        this.limits = limits;
    }

    public GatewayLimits limits() {
        return limits;
    }

    public RouteTable routes() {
        return routes;
    }

    /** Serves one request whose body has already been read (within {@link GatewayLimits#maxRequestBytes()}). */
    public HttpReply handle(GatewayRequest request) {
        Optional<RouteMatch> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return Problems.reply(404, "not-found", "Not Found",
                    "No route matches " + request.method() + " " + request.rawPath() + ".", request.rawPath());
        }
        RoutedHttp route = match.get().route();
        Map<String, Object> context = null;
        if (!route.route().isPublic()) {
            if (authorizer.isEmpty()) {
                // The topology refuses authorized routes without an authorizer; never serve one unguarded.
                return LocalAuthorizer.gatewayReply(500, "Internal Server Error");
            }
            LocalAuthorizer.Verdict verdict = authorizer.get().authorize(request, match.get());
            if (verdict instanceof LocalAuthorizer.Verdict.Refused refused) {
                LOG.info("{} {} -> {} (authorizer)", request.method(), request.rawPath(), refused.reply().status());
                return refused.reply();
            }
            context = ((LocalAuthorizer.Verdict.Allowed) verdict).context();
        }
        Duration functionTimeout = Duration.ofSeconds(route.function().timeoutSeconds());
        Duration wait = functionTimeout.compareTo(limits.timeout()) < 0 ? functionTimeout : limits.timeout();
        Outcome outcome = invokers.apply(route, wait).invoke(events.toEvent(request, match.get(), context));
        HttpReply reply = reply(outcome, request, route, functionTimeout);
        LOG.info("{} {} -> {} ({} {}, {} ms)", request.method(), request.rawPath(), reply.status(),
                route.function().family(), match.get().routeKey(), outcome.took().toMillis());
        return reply;
    }

    private HttpReply reply(Outcome outcome, GatewayRequest request, RoutedHttp route, Duration functionTimeout) {
        String family = route.function().family();
        if (outcome instanceof Outcome.TimedOut timedOut) {
            if (functionTimeout.compareTo(limits.timeout()) > 0) {
                return Problems.reply(504, "gateway-timeout", "Gateway Timeout", "The " + family
                        + " function did not answer within API Gateway's " + limits.timeout().toSeconds() + " s limit.",
                        request.rawPath());
            }
            // Lambda stopped the function at its own timeout; API Gateway reports that as a 500.
            return Problems.reply(500, "function-timeout", "Internal Server Error", "The " + family
                    + " function did not finish within its " + functionTimeout.toSeconds() + " s timeout.",
                    request.rawPath());
        }
        if (outcome instanceof Outcome.Failed failed) {
            return Problems.reply(500, "function-error", "Internal Server Error", "The " + family
                    + " function failed (" + failed.errorType() + "); see the local stack's log.", request.rawPath());
        }
        String response = ((Outcome.Succeeded) outcome).responseJson();
        if (response.getBytes(StandardCharsets.UTF_8).length > limits.maxResponseBytes()) {
            return Problems.reply(502, "function-response-too-large", "Bad Gateway", "The " + family
                    + " function's response exceeds Lambda's " + limits.maxResponseBytes() / (1024 * 1024)
                    + " MB limit.", request.rawPath());
        }
        try {
            HttpReply reply = responses.toReply(response);
            if (!reply.ignored().isEmpty()) {
                LOG.warn("{} {}: API Gateway (payload 2.0) ignores multiValueHeaders; not sent: {}",
                        request.method(), request.rawPath(), reply.ignored());
            }
            return reply;
        } catch (ApiGatewayResponses.InvalidResponseException e) {
            LOG.warn("{} {}: invalid function response: {}", request.method(), request.rawPath(), e.getMessage());
            return Problems.reply(500, "function-error", "Internal Server Error", "The " + family
                    + " function's response is not a valid API Gateway response: " + e.getMessage() + ".",
                    request.rawPath());
        }
    }
}
