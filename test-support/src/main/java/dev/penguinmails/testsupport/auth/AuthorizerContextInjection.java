package dev.penguinmails.testsupport.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Does in a function's in-process tests what identity's authorizer does on AWS: puts an authorizer context
 * for the request of a payload 2.0 event (see {@link #setLambdaContext}). The test chooses the
 * caller by sending {@link #HEADER} (see {@link #header(Map)}); requests without it get no context, as a
 * route without an authorizer would. Active only when a test sets {@value #ENABLED} to {@code true}.
 */
@Filter("/v1/**")
@Requires(property = AuthorizerContextInjection.ENABLED, value = "true")
public class AuthorizerContextInjection implements HttpServerFilter {
    /** The property that switches this on in a test's context. */
    public static final String ENABLED = "penguinmails.test.authorizer-context-header";
    /** The request header that carries the context (base64url JSON). */
    public static final String HEADER = "X-Test-Authorizer-Context";
    /** The request attribute shared's binder reads the context from (its {@code STAND_IN_ATTRIBUTE}). */
    public static final String ATTRIBUTE = "penguinmails.authorizer.lambda";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The value of {@link #HEADER} for a context, e.g. {@code AuthorizerContext.user(...).toMap()} of the
     * shared module.
     */
    public static String header(Map<String, Object> context) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(context));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        inject(request);
        return chain.proceed(request);
    }

    private void inject(HttpRequest<?> request) {
        APIGatewayV2HTTPEvent event = nativeEvent(request);
        String value = event == null ? header(request, HEADER) : header(event.getHeaders(), HEADER);
        if (value == null) {
            return;
        }
        if (event == null) {
            throw new IllegalStateException("no payload 2.0 event behind " + request.getClass().getName()
                    + "; tests that inject an authorizer context must run through the Lambda path");
        }
        Map<String, Object> context;
        try {
            context = JSON.readValue(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setLambdaContext(request, context);
    }

    /** A header of the event, matched case-insensitively. */
    private static String header(Map<String, String> headers, String name) {
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
        }
        return null;
    }

    /** A header matched case-insensitively (the test server's header map is not, and re-cases names). */
    private static String header(HttpRequest<?> request, String name) {
        for (String candidate : request.getHeaders().names()) {
            if (candidate.equalsIgnoreCase(name)) {
                return request.getHeaders().get(candidate);
            }
        }
        return null;
    }

    /**
     * Hands {@code context} to the function as its authorizer context. The proxy test server's event rebuilds
     * {@code requestContext} on every read, so the context goes into {@link #ATTRIBUTE}, which shared's binder
     * reads when the event carries none.
     */
    public static void setLambdaContext(HttpRequest<?> request, Map<String, Object> context) {
        request.setAttribute(ATTRIBUTE, context);
    }

    /** The payload 2.0 event behind {@code request}, or null outside the API Gateway proxy. */
    public static APIGatewayV2HTTPEvent nativeEvent(HttpRequest<?> request) {
        HttpRequest<?> unwrapped = request;
        while (unwrapped instanceof HttpRequestWrapper<?> wrapper) {
            unwrapped = wrapper.getDelegate();
        }
        return unwrapped instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event ? event : null;
    }

    @Override
    public int getOrder() {
        // Before the function's own filters read the context (authentication runs at 0).
        return Ordered.HIGHEST_PRECEDENCE + 500;
    }
}
