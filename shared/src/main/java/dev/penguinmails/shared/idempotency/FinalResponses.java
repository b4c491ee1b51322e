package dev.penguinmails.shared.idempotency;

import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.StaleVersionException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import java.util.List;
import java.util.Set;

/**
 * Which answers an {@code Idempotency-Key} remembers: only final ones, which a retry of the same request
 * would get again. An answer that says "not now" is never stored, or the key would replay it for a day
 * after the cause had passed: any 5xx, 408, 425 and 429, any error with {@code Retry-After}, and a 409
 * caused by a concurrent request (a stale version, or the same key still in progress). A 409 caused by
 * state, such as a duplicate, is final: the same request meets the same state again.
 */
public final class FinalResponses {
    /** The headers a replay gives back, because clients act on them. */
    public static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION,
            HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER);

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 425, 429);
    private static final Set<String> CONCURRENT_CONFLICTS = Set.of(StaleVersionException.TYPE.uri().toString(),
            ProblemType.IDEMPOTENCY_REQUEST_IN_PROGRESS.uri().toString());

    private FinalResponses() { }

    /**
     * @param problemType the response's problem {@code type} URI, if it is a problem
     * @param retryAfter  its {@code Retry-After} header, if any
     */
    public static boolean isFinal(int status, @Nullable String problemType, @Nullable String retryAfter) {
        if (status >= 500 || TRANSIENT_STATUSES.contains(status) || (status >= 400 && retryAfter != null)) {
            return false;
        }
        return !(status == 409 && problemType != null && CONCURRENT_CONFLICTS.contains(problemType));
    }
}
