package dev.penguinmails.domains.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/**
 * The check of one record: found or not, what we expect against what DNS holds, the findings, a plain-English fix,
 * and on how many of the resolvers it has propagated (for the records that are checked on all of them).
 */
@Serdeable
public record RecordCheck(String purpose, String name, String type, boolean required, String status,
                          @Nullable String expected, List<String> actual, List<String> findings, @Nullable String fix,
                          @Nullable @Schema(description = "Of the resolvers asked, how many see the record (SPF and DKIM)") Integer seenByResolvers,
                          @Nullable @Schema(description = "How many resolvers were asked for the record") Integer resolversAsked) {

    public RecordCheck {
        actual = List.copyOf(actual);
        findings = List.copyOf(findings);
    }

    /**
     * How the record stands. UNKNOWN means DNS did not answer: never read as missing or as present. CLAIMED (the
     * {@code ownership} check only): another workspace has verified the domain.
     */
    public enum Status {
        OK, MISSING, MISMATCH, INVALID, UNKNOWN, CLAIMED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The status as a value (the field holds its wire name, as clients read it). */
    public Status state() {
        return Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    public boolean blocksSending() {
        return required && state() != Status.OK && state() != Status.UNKNOWN;
    }

    /** One line for events and notices, e.g. {@code dkim pm1._domainkey.acme.com: missing}. */
    public String summary() {
        return purpose + " " + name + ": " + status + (fix == null ? "" : " (" + fix + ")");
    }
}
