package dev.penguinmails.shared.logging;

import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The per-request ids every log line carries: {@code requestId} (API Gateway's, else the caller's
 * X-Request-Id, else a generated one) and {@code workspaceId} (from the path, when there is one).
 * They live as request attributes, and as MDC keys while the request is handled.
 */
public final class RequestContext {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_WORKSPACE_ID = "workspaceId";
    public static final String REQUEST_ID_ATTRIBUTE = "penguinmails.requestId";
    public static final String WORKSPACE_ID_ATTRIBUTE = "penguinmails.workspaceId";

    private RequestContext() { }

    public static Optional<String> requestId(HttpRequest<?> request) {
        return request.getAttribute(REQUEST_ID_ATTRIBUTE, String.class);
    }

    public static Optional<String> workspaceId(HttpRequest<?> request) {
        return request.getAttribute(WORKSPACE_ID_ATTRIBUTE, String.class);
    }

    /** The MDC entries for {@code request}. */
    public static Map<String, String> mdcOf(HttpRequest<?> request) {
        Map<String, String> mdc = new HashMap<>();
        requestId(request).ifPresent(id -> mdc.put(MDC_REQUEST_ID, id));
        workspaceId(request).ifPresent(id -> mdc.put(MDC_WORKSPACE_ID, id));
        return mdc;
    }

    /** Puts the request's ids into the MDC of this thread until the scope is closed. */
    public static MdcScope mdcScope(HttpRequest<?> request) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        mdcOf(request).forEach(MDC::put);
        return () -> {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        };
    }

    /** Restores the MDC as it was; closing never throws. */
    @FunctionalInterface
    public interface MdcScope extends AutoCloseable {
        @Override
        void close();
    }
}
