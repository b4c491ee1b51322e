package dev.penguinmails.shared.idempotency;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The part of a response an idempotent replay gives back: status, content type, body and the headers a
 * client acts on ({@link FinalResponses#KEPT_HEADERS}, e.g. {@code Location} and {@code Retry-After}).
 */
public record StoredResponse(int status, @Nullable String contentType, byte[] body, Map<String, String> headers) {
    public StoredResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A response whose only kept header is {@code Location} (if not null). */
    public StoredResponse(int status, @Nullable String contentType, byte[] body, @Nullable String location) {
        this(status, contentType, body, location == null ? Map.of() : Map.of("Location", location));
    }

    /** The {@code Location} header, if the response had one. */
    @Nullable
    public String location() {
        return headers.get("Location");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && status == other.status && Objects.equals(contentType, other.contentType)
                && Arrays.equals(body, other.body) && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), headers);
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", contentType=" + contentType + ", body=" + body.length
                + " bytes, headers=" + new TreeMap<>(headers).keySet() + "]";
    }
}
