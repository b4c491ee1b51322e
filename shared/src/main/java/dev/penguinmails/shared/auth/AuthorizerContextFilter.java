package dev.penguinmails.shared.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.penguinmails.shared.auth.RequestAuthorization.MembershipLookup;
import dev.penguinmails.shared.http.FilterOrders;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemResponses;
import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import dev.penguinmails.shared.tenancy.RequestPrincipal;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a function learns who calls it: reads identity's authorizer context from the payload 2.0
 * event ({@code requestContext.authorizer.lambda}) of every API request ({@code /v1/**}) and applies
 * {@link RequestAuthorization} to the matched route. Routes marked {@link PublicEndpoint} have no
 * authorizer in front of them; every other route without a context is refused (401), so a route left
 * unguarded by mistake serves nobody. API keys are counted against their per-minute limit here, in this
 * function's own table, on every request (API Gateway's cache means the authorizer does not see them all).
 */
@ServerFilter("/v1/**")
public class AuthorizerContextFilter implements Ordered {
    public static final String WORKSPACE_VARIABLE = "workspaceId";
    /**
     * Where in-process tests put the authorizer context instead of on the event: the proxy test server's event
     * rebuilds its request context on every read, so nothing set there survives. Server-side only; no client
     * can set a request attribute. Same name as test-support's {@code AuthorizerContextInjection.ATTRIBUTE}.
     */
    public static final String STAND_IN_ATTRIBUTE = "penguinmails.authorizer.lambda";
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizerContextFilter.class);

    private final BeanProvider<RateLimiter> rateLimiters;
    private final BeanProvider<OptionalCredentials> optionalCredentials;
    private final BeanProvider<MembershipLookup> membershipLookups;
    private final ProblemResponses problems;
    private final Clock clock;

    public AuthorizerContextFilter(BeanProvider<RateLimiter> rateLimiters,
                                   BeanProvider<OptionalCredentials> optionalCredentials,
                                   BeanProvider<MembershipLookup> membershipLookups, ProblemResponses problems) {
        this.rateLimiters = rateLimiters;
        this.optionalCredentials = optionalCredentials;
        this.membershipLookups = membershipLookups;
        this.problems = problems;
        this.clock = Clock.systemUTC();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isEmpty()) {
            // No route: Micronaut answers 404 or 405, which reveal nothing a route would not.
            return null;
        }
        RouteMatch<?> route = match.get();
        AnnotationMetadata annotations = route.getAnnotationMetadata();
        try {
            if (annotations.hasAnnotation(PublicEndpoint.class)) {
                String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
                if (header != null && optionalCredentials.isPresent()) {
                    optionalCredentials.get().principalFor(header).ifPresent(p -> remember(request, p));
                }
                return null;
            }
            AuthorizerContext context = contextOf(request);
            Object workspaceId = route.getVariableValues().get(WORKSPACE_VARIABLE);
            RequestAuthorization.Route rules = new RequestAuthorization.Route(
                    annotations.enumValue(RequiresPermission.class, Permission.class),
                    annotations.hasAnnotation(AllowsApiKeys.class),
                    annotations.hasAnnotation(AllowsDeletedWorkspace.class),
                    request.getMethodName() + " " + request.getPath());
            Principal caller = RequestAuthorization.authenticated(context, clock.instant());
            if (!caller.isUser()) {
                // Counted before any workspace check, so probing other workspaces costs the key its budget too.
                rateLimiters.get().tryConsume(apiKeyBucket(caller.id()), Limit.perMinute(context.rateLimitPerMinute()))
                        .orThrow("This API key is over its limit of " + context.rateLimitPerMinute() + " requests a minute.");
            }
            RequestAuthorization.Decision decision = RequestAuthorization.decide(context, rules,
                    workspaceId == null ? null : workspaceId.toString(), clock.instant(), this::lookup);
            remember(request, decision.principal());
            if (decision.tenant() != null) {
                request.setAttribute(TenantContext.ATTRIBUTE, decision.tenant());
            }
            return null;
        } catch (ProblemException e) {
            return problems.responseFor(request, e);
        }
    }

    @Override
    public int getOrder() {
        return FilterOrders.AUTHENTICATION;
    }

    /** The rate-limit bucket of an API key, in each function's own table. */
    public static String apiKeyBucket(String keyId) {
        return "apikey:" + keyId;
    }

    private Optional<AuthorizerContext.Membership> lookup(String userId, String workspaceId) {
        return membershipLookups.isPresent() ? membershipLookups.get().find(userId, workspaceId) : Optional.empty();
    }

    /** The authorizer's context on the request's native event; null when there is none or it is unreadable. */
    @Nullable
    static AuthorizerContext contextOf(HttpRequest<?> request) {
        Map<String, Object> lambda = lambdaContext(request);
        if (lambda == null || lambda.isEmpty()) {
            return null;
        }
        try {
            return AuthorizerContext.fromMap(lambda);
        } catch (IllegalArgumentException e) {
            LOG.error("Unreadable authorizer context on {} {}: {}", request.getMethodName(), request.getPath(), e.getMessage());
            return null;
        }
    }

    /**
     * {@code requestContext.authorizer.lambda} of the payload 2.0 event behind {@code request}, if any; else
     * the context an in-process test's stand-in for API Gateway left in {@link #STAND_IN_ATTRIBUTE}.
     */
    @Nullable
    @SuppressWarnings("unchecked")
    public static Map<String, Object> lambdaContext(HttpRequest<?> request) {
        APIGatewayV2HTTPEvent event = nativeEvent(request);
        if (event == null) {
            return null;
        }
        APIGatewayV2HTTPEvent.RequestContext requestContext = event.getRequestContext();
        if (requestContext != null && requestContext.getAuthorizer() != null
                && requestContext.getAuthorizer().getLambda() != null) {
            return requestContext.getAuthorizer().getLambda();
        }
        return request.getAttribute(STAND_IN_ATTRIBUTE, Map.class).orElse(null);
    }

    /** The payload 2.0 event behind {@code request}, or null outside the API Gateway proxy. */
    @Nullable
    public static APIGatewayV2HTTPEvent nativeEvent(HttpRequest<?> request) {
        HttpRequest<?> unwrapped = request;
        while (unwrapped instanceof io.micronaut.http.HttpRequestWrapper<?> wrapper) {
            unwrapped = wrapper.getDelegate();
        }
        if (unwrapped instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return event;
        }
        return null;
    }

    private static void remember(HttpRequest<?> request, Principal principal) {
        request.setAttribute(Principal.ATTRIBUTE, principal);
        request.setAttribute(HttpAttributes.PRINCIPAL, principal);
        RequestPrincipal.set(request, principal.id());
    }
}
