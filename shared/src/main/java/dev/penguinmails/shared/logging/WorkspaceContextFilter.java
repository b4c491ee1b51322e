package dev.penguinmails.shared.logging;

import dev.penguinmails.shared.http.FilterOrders;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.regex.Pattern;

/** Once the route is known, adds its {@code workspaceId} path variable to the request's MDC. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class WorkspaceContextFilter implements Ordered {
    public static final String PATH_VARIABLE = "workspaceId";
    // The path is the caller's; only id-shaped values may reach the logs.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @RequestFilter
    public void addWorkspace(HttpRequest<?> request, MutablePropagatedContext propagatedContext) {
        RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getVariableValues().get(PATH_VARIABLE))
                .map(Object::toString)
                .filter(id -> SAFE_ID.matcher(id).matches())
                .ifPresent(workspaceId -> {
                    request.setAttribute(RequestContext.WORKSPACE_ID_ATTRIBUTE, workspaceId);
                    propagatedContext.add(new MdcPropagationContext(RequestContext.mdcOf(request)));
                });
    }

    @Override
    public int getOrder() {
        return FilterOrders.WORKSPACE_CONTEXT;
    }
}
