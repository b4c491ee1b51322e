package dev.penguinmails.shared.http;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import java.util.OptionalLong;

/**
 * Answers 413 to a body larger than {@code penguinmails.http.max-body-bytes} (default 256 KiB) before
 * routing, parsing or any handler runs, so oversized input costs no work and changes nothing
 * ({@link BodyLimitSettings}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BodyLimitFilter implements Ordered {
    public static final String MAX_BODY_BYTES_PROPERTY = "penguinmails.http.max-body-bytes";

    private final long maxBodyBytes;
    private final ProblemResponses problems;

    public BodyLimitFilter(BodyLimitSettings settings, ProblemResponses problems) {
        this.maxBodyBytes = settings.maxBodyBytes();
        this.problems = problems;
    }

    @PreMatching
    @RequestFilter
    @Nullable
    public HttpResponse<?> rejectOversized(HttpRequest<?> request) {
        OptionalLong size = RequestBodies.size(request);
        if (size.isPresent() && size.getAsLong() > maxBodyBytes) {
            return problems.responseFor(request, ProblemException.payloadTooLarge(
                    "The request body is " + size.getAsLong() + " bytes; the limit is " + maxBodyBytes + " bytes."));
        }
        return null;
    }

    @Override
    public int getOrder() {
        return FilterOrders.BODY_LIMIT;
    }
}
