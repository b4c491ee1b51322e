package dev.penguinmails.domains.blacklists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one list answered about one address or domain. UNKNOWN means the list gave no usable answer (refused the
 * query, timed out, failed): never read as listed or as clean.
 */
@Serdeable
@Schema(name = "BlacklistListing")
public record Listing(
        @Schema(description = "The list's DNS zone", example = "zen.spamhaus.org") String zone,
        @Schema(description = "ip (DNSBL) or domain (RHSBL)") String kind,
        @Schema(description = "The address or domain asked about", example = "192.0.2.1") String queried,
        @Schema(description = "Where the address comes from: platform or spf; null for a domain") @Nullable String source,
        @Schema(description = "listed, clean or unknown") String status,
        @Schema(description = "The list's answers (127.0.0.x codes); empty when it had none") List<String> returnCodes,
        @Schema(description = "The list's TXT reason, when listed") @Nullable String reason,
        @Schema(description = "What went wrong, when unknown") @Nullable String detail,
        @Schema(description = "What to do, in plain English; null when clean") @Nullable String hint) {

    public Listing {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(queried, "queried");
        returnCodes = List.copyOf(returnCodes);
        state(status);
    }

    /** How the list answered. */
    public enum Status {
        LISTED, CLEAN, UNKNOWN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The status as a value. */
    public Status state() {
        return state(status);
    }

    private static Status state(String status) {
        return Status.valueOf(status.toUpperCase(Locale.ROOT));
    }
}
