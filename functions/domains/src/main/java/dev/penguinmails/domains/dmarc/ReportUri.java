package dev.penguinmails.domains.dmarc;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One reporting destination of rua or ruf (RFC 7489 §6.2): the URI, the mail address when it is a mailto URI
 * (null otherwise), and the report size limit in bytes from a {@code !10m} suffix (null when none).
 */
@Serdeable
public record ReportUri(String uri, String address, Long maxBytes) {
    /** True for a mailto URI, the only scheme receivers widely send to. */
    public boolean isMailto() {
        return address != null;
    }
}
