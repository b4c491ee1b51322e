package dev.penguinmails.shared.idempotency;

import dev.penguinmails.shared.http.ClientAddress;
import dev.penguinmails.shared.http.FilterOrders;
import dev.penguinmails.shared.http.RequestBodies;
import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemResponses;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.RequestPrincipal;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours the {@code Idempotency-Key} header on POST. The key is scoped to the caller
 * ({@link RequestPrincipal}; for anonymous callers, their IP address too), the method and the path. A
 * retry with the same key and body gets the stored answer with {@code Idempotent-Replayed: true}; the
 * same key with another body is a 422 {@code idempotency-key-reused}; a retry while the first is still
 * running is a 409 {@code idempotency-request-in-progress}. Only final answers are stored
 * ({@link FinalResponses}): after a 5xx, a 429 or a conflict with a concurrent request the client may retry
 * with the same key, and the request runs again. Replays carry the headers clients act on. Bodies are remembered only as a keyed hash ({@link RequestFingerprints}). Routes marked
 * {@link IdempotencyExempt} (those that hand out or take credentials) ignore the header altogether.
 * Runs after authentication ({@link FilterOrders#IDEMPOTENCY}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(bean = IdempotencyStore.class)
public class IdempotencyFilter implements Ordered {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final RequestFingerprints fingerprints;
    private final ProblemResponses problems;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyStore store, RequestFingerprints fingerprints, ProblemResponses problems,
                             JsonMapper json) {
        this.store = store;
        this.fingerprints = fingerprints;
        this.problems = problems;
        this.json = json;
    }

    // Blocking continuation: Lambda handles one request per thread, and DynamoDB calls block anyway.
    @RequestFilter
    public HttpResponse<?> idempotent(HttpRequest<?> request, FilterContinuation<MutableHttpResponse<?>> chain) {
        String key = request.getHeaders().get(HEADER);
        if (request.getMethod() != HttpMethod.POST || key == null) {
            return chain.proceed();
        }
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty() || route.get().getAnnotationMetadata().hasAnnotation(IdempotencyExempt.class)) {
            return chain.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return problems.responseFor(request, new ProblemException(ProblemType.INVALID_IDEMPOTENCY_KEY,
                    "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters."));
        }
        String scope = scope(request);
        String requestHash = fingerprints.of(RequestBodies.bytes(request));
        Claim claim = store.claim(scope, key, requestHash);
        if (claim instanceof Claim.Completed completed) {
            return replay(completed.response());
        }
        if (claim instanceof Claim.Mismatch) {
            return problems.responseFor(request, new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body. Use a new key for a new request."));
        }
        if (claim instanceof Claim.InProgress) {
            return problems.responseFor(request, new ProblemException(ProblemType.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed. Retry shortly.")
                    .withHeader(HttpHeaders.RETRY_AFTER, "1"));
        }
        String token = ((Claim.Acquired) claim).token();
        MutableHttpResponse<?> response;
        try {
            response = chain.proceed();
        } catch (RuntimeException | Error e) {
            store.release(scope, key, token);
            throw e;
        }
        if (!FinalResponses.isFinal(response.code(), problemType(response),
                response.getHeaders().get(HttpHeaders.RETRY_AFTER))) {
            store.release(scope, key, token);
            return response;
        }
        StoredResponse stored;
        try {
            stored = capture(request, response);
        } catch (RuntimeException e) {
            store.release(scope, key, token);
            throw e;
        }
        try {
            store.complete(scope, key, token, requestHash, stored);
        } catch (RuntimeException e) {
            // The work is done: answer it. A retry after the lease runs out would run it again, which is
            // no worse than having no key; failing this request would make that retry certain.
            LOG.error("Could not store the idempotent response; a retry after the lease may repeat the request", e);
        }
        return response;
    }

    /**
     * Who, what and where: a key means nothing outside its caller and endpoint. Anonymous callers are told
     * apart by their IP address, so that one cannot claim or poison the keys another sends.
     */
    public static String scope(HttpRequest<?> request) {
        String principal = RequestPrincipal.of(request);
        if (RequestPrincipal.ANONYMOUS.equals(principal)) {
            principal = principal + "@" + ClientAddress.of(request);
        }
        return principal + "\n" + request.getMethodName() + "\n" + request.getPath();
    }

    /** Encodes the body now, and sends exactly those bytes, so the first answer and every replay match. */
    private StoredResponse capture(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object body = response.getBody().orElse(null);
        // Without an explicit type, Micronaut would use the route's first @Produces; so do we.
        String contentType = response.getContentType().map(MediaType::toString)
                .orElse(body == null ? null : RouteAttributes.getRouteInfo(request)
                        .flatMap(route -> route.getProduces().stream().findFirst())
                        .map(MediaType::toString)
                        .orElse(MediaType.APPLICATION_JSON));
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (body != null) {
            response.body(bytes);
            response.contentType(contentType);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : FinalResponses.KEPT_HEADERS) {
            response.getHeaders().findFirst(name).ifPresent(value -> kept.put(name, value));
        }
        return new StoredResponse(response.code(), contentType, bytes, kept);
    }

    @Nullable
    private static String problemType(MutableHttpResponse<?> response) {
        return response.getBody().filter(Problem.class::isInstance).map(p -> ((Problem) p).type()).orElse(null);
    }

    private static HttpResponse<?> replay(StoredResponse stored) {
        MutableHttpResponse<?> response = HttpResponse.status(stored.status(), reason(stored.status()));
        response.getHeaders().set(REPLAYED_HEADER, "true");
        stored.headers().forEach(response.getHeaders()::set);
        if (stored.contentType() != null) {
            response.contentType(stored.contentType());
        }
        return stored.body().length == 0 && stored.contentType() == null ? response : response.body(stored.body());
    }

    private static String reason(int status) {
        try {
            return HttpStatus.valueOf(status).getReason();
        } catch (IllegalArgumentException unknown) {
            return "Status " + status;
        }
    }

    @Override
    public int getOrder() {
        return FilterOrders.IDEMPOTENCY;
    }
}
