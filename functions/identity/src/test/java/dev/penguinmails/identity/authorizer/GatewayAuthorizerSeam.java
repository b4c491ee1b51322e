package dev.penguinmails.identity.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.http.ClientAddress;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import io.micronaut.web.router.RouteAttributes;
import java.util.Map;

/**
 * Does in identity's in-process tests what API Gateway does before the handler: for a route that is not
 * public, 401 {@code {"message":"Unauthorized"}} without an Authorization header, otherwise the real
 * authorizer (this context's bean) judges the header: 403 {@code {"message":"Forbidden"}} when it denies,
 * else its context is handed to the function as the gateway would. No caching: the local stack's gateway tests that.
 */
@Filter("/v1/**")
@Requires(env = Environment.TEST)
class GatewayAuthorizerSeam implements HttpServerFilter {
    private final Authorizer authorizer;

    GatewayAuthorizerSeam(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        MutableHttpResponse<?> answer = authorize(request);
        return answer == null ? chain.proceed(request) : Publishers.just(answer);
    }

    @Nullable
    private MutableHttpResponse<?> authorize(HttpRequest<?> request) {
        boolean guarded = RouteAttributes.getRouteMatch(request)
                .map(route -> !route.getAnnotationMetadata().hasAnnotation(PublicEndpoint.class)).orElse(false);
        APIGatewayV2HTTPEvent event = AuthorizerContextInjection.nativeEvent(request);
        if (!guarded || event == null) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return gatewayAnswer(401, "Unauthorized");
        }
        AuthorizerResponse answer = authorizer.authorize(new AuthorizerEvent("2.0", "REQUEST", null,
                java.util.List.of(header), null, Map.of("authorization", header),
                new AuthorizerEvent.RequestContext(new AuthorizerEvent.Http(request.getMethodName(),
                        request.getPath(), ClientAddress.of(request)), null)));
        if (!answer.isAuthorized()) {
            return gatewayAnswer(403, "Forbidden");
        }
        AuthorizerContextInjection.setLambdaContext(request, new java.util.HashMap<>(answer.context()));
        return null;
    }

    private static MutableHttpResponse<String> gatewayAnswer(int status, String message) {
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body("{\"message\":\"" + message + "\"}");
    }

    @Override
    public int getOrder() {
        // After routing (it needs the route), before the function reads the context at 0.
        return -100;
    }
}
