package dev.penguinmails.domains.dns;

import java.util.Objects;

/** One MX record: preference (lower is preferred) and mail exchanger host name without trailing dot. */
public record MxRecord(int preference, String exchange) {
    public MxRecord {
        if (preference < 0 || preference > 65535) {
            throw new IllegalArgumentException("MX preference out of range: " + preference);
        }
        Objects.requireNonNull(exchange, "exchange");
    }
}
