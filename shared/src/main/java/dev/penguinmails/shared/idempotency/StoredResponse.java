package dev.penguinmails.shared.idempotency;

import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.Objects;

/** The part of a response an idempotent replay gives back: status, content type, body and Location. */
public record StoredResponse(int status, @Nullable String contentType, byte[] body, @Nullable String location) {
    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && status == other.status && Objects.equals(contentType, other.contentType)
                && Arrays.equals(body, other.body) && Objects.equals(location, other.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), location);
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", contentType=" + contentType + ", body=" + body.length + " bytes]";
    }
}
