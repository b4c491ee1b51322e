package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.http.FilterOrders;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemResponses;
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
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every API request ({@code /v1/**}) before its controller runs. Routes not marked
 * {@link PublicEndpoint} need {@code Authorization: Bearer <access token | API key>} (401 otherwise).
 * On routes with a {@code {workspaceId}} path variable it resolves the caller's {@link TenantContext}
 * (404 for anyone who is not a member, exactly as for a workspace that does not exist), then checks the
 * route's {@link RequiresPermission} against the role or the key's scopes (403). API keys are rate
 * limited per key (429 with Retry-After), are refused (403) on routes without {@code {workspaceId}} unless
 * the route is marked {@link AllowsApiKeys}, and never authenticate while their workspace is not active (401).
 *
 * <p>Only {@code /v1/**}: API Gateway routes nothing else to a function, and local tooling (test
 * controllers, the OpenAPI document) lives outside it.
 */
@ServerFilter("/v1/**")
public class AuthenticationFilter implements Ordered {
    public static final String WORKSPACE_VARIABLE = "workspaceId";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    // Resolved on the first /v1 request, not when filters are built: a context without the identity table
    // (tests of other conventions, local tooling) must still start and serve its other routes.
    private final BeanProvider<Authenticator> authenticators;
    private final BeanProvider<Authorizer> authorizers;
    private final ProblemResponses problems;

    public AuthenticationFilter(BeanProvider<Authenticator> authenticators, BeanProvider<Authorizer> authorizers,
                                ProblemResponses problems) {
        this.authenticators = authenticators;
        this.authorizers = authorizers;
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isEmpty()) {
            // No route: Micronaut answers 404 or 405, which reveal nothing a route would not.
            return null;
        }
        RouteMatch<?> route = match.get();
        AnnotationMetadata annotations = route.getAnnotationMetadata();
        Authenticator authenticator = authenticators.get();
        try {
            if (annotations.hasAnnotation(PublicEndpoint.class)) {
                // Credentials are optional here (a stale header must not break login); an endpoint that
                // cares, such as accepting an invitation, reads Principal itself.
                optionalBearer(request).flatMap(authenticator::tryAuthenticate)
                        .filter(a -> authorizers.get().isLive(a))
                        .ifPresent(a -> remember(request, a.principal()));
                return null;
            }
            Authenticated caller = authenticator.authenticate(bearerToken(request).orElseThrow(() ->
                    AuthProblems.unauthenticated("Send your access token or API key as 'Authorization: Bearer <credential>'.")));
            Principal principal = caller.principal();
            Object workspaceId = route.getVariableValues().get(WORKSPACE_VARIABLE);
            Optional<Permission> needed = annotations.enumValue(RequiresPermission.class, Permission.class);
            if (workspaceId == null && !principal.isUser()) {
                // A key's scopes are checked only against a workspace route; anywhere else it must be let in on purpose.
                if (!annotations.hasAnnotation(AllowsApiKeys.class)) {
                    throw ProblemException.forbidden("API keys cannot use this endpoint; it is for people signed in "
                            + "with an access token.");
                }
                authorizers.get().requireLiveApiKey(caller);
            }
            remember(request, principal);
            if (workspaceId != null) {
                Authorizer authorizer = authorizers.get();
                TenantContext tenant = authorizer.tenantFor(caller, workspaceId.toString(),
                        annotations.hasAnnotation(AllowsDeletedWorkspace.class));
                request.setAttribute(TenantContext.ATTRIBUTE, tenant);
                authorizer.check(principal, tenant, needed.orElseThrow(() -> undeclared(request)));
            } else if (needed.isPresent()) {
                LOG.error("{} {} requires {} but has no {{}} path variable; refusing it",
                        request.getMethodName(), request.getPath(), needed.get(), WORKSPACE_VARIABLE);
                throw ProblemException.forbidden("This endpoint is not available.");
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

    private static void remember(HttpRequest<?> request, Principal principal) {
        request.setAttribute(Principal.ATTRIBUTE, principal);
        request.setAttribute(HttpAttributes.PRINCIPAL, principal);
        RequestPrincipal.set(request, principal.id());
    }

    /** Fails closed: a workspace route that forgot to say what it needs serves nobody. */
    private static ProblemException undeclared(HttpRequest<?> request) {
        LOG.error("{} {} is a workspace route without @RequiresPermission; refusing it", request.getMethodName(),
                request.getPath());
        return ProblemException.forbidden("This endpoint is not available.");
    }

    private static Optional<String> optionalBearer(HttpRequest<?> request) {
        try {
            return bearerToken(request);
        } catch (ProblemException malformed) {
            return Optional.empty();
        }
    }

    /** The credential of an {@code Authorization: Bearer} header; a header of another shape is a 401. */
    static Optional<String> bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw AuthProblems.unauthenticated("Only 'Authorization: Bearer <credential>' is supported.");
        }
        String credential = trimmed.substring(space + 1).strip();
        if (credential.isEmpty() || credential.length() > 4096) {
            throw AuthProblems.unauthenticated("The bearer credential is missing or too long.");
        }
        return Optional.of(credential);
    }
}
