package dev.penguinmails.shared.logging;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.penguinmails.shared.http.FilterOrders;
import dev.penguinmails.shared.ids.Ids;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives each request its id before anything else runs, puts it into the MDC for the whole request,
 * and echoes it back as {@code X-Request-Id}, on errors too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestContextFilter implements Ordered {
    // A caller's id ends up in our logs: accept only short, plain tokens.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:=+/-]{1,128}");

    @PreMatching
    @RequestFilter
    public void assignRequestId(HttpRequest<?> request, MutablePropagatedContext propagatedContext) {
        String requestId = apiGatewayRequestId(request)
                .or(() -> Optional.ofNullable(request.getHeaders().get(RequestContext.REQUEST_ID_HEADER))
                        .filter(id -> SAFE_ID.matcher(id).matches()))
                .orElseGet(() -> Ids.newId("req"));
        request.setAttribute(RequestContext.REQUEST_ID_ATTRIBUTE, requestId);
        propagatedContext.add(new MdcPropagationContext(RequestContext.mdcOf(request)));
    }

    @ResponseFilter
    public void echoRequestId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RequestContext.requestId(request).ifPresent(id -> response.getHeaders().set(RequestContext.REQUEST_ID_HEADER, id));
    }

    /**
     * Micronaut drops pre-matching filters from the chain once the route is matched, so a pre-matching
     * response filter only sees answers given before that (a 413); {@link #echoRequestId} sees the rest.
     */
    @PreMatching
    @ResponseFilter
    public void echoRequestIdBeforeRouting(HttpRequest<?> request, MutableHttpResponse<?> response) {
        echoRequestId(request, response);
    }

    @Override
    public int getOrder() {
        return FilterOrders.REQUEST_CONTEXT;
    }

    private static Optional<String> apiGatewayRequestId(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null) {
            return Optional.ofNullable(event.getRequestContext().getRequestId()).filter(id -> !id.isBlank());
        }
        return Optional.empty();
    }
}
