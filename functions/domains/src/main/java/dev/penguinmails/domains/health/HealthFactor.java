package dev.penguinmails.domains.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** One part of a domain's health score: what it is, how it stands, the points it cost and why, and what to do. */
@Serdeable
@Schema(name = "HealthFactor")
public record HealthFactor(
        @Schema(description = "spf, dkim, dmarc, return-path-mx, return-path-spf, tracking, dns, blacklist, blacklists, "
                + "blacklists-not-checked, bounce-rate, complaint-rate", example = "spf") String factor,
        @Schema(description = "ok, problem, unknown (could not be told: nothing is taken off) or not-measured") String status,
        @Schema(description = "Points this factor took off the score") int pointsLost,
        @Schema(description = "The most it can take off") int maxPoints,
        String reason,
        @Schema(description = "What to do; null when nothing is") @Nullable String hint) {

    /** How a factor stands. */
    public enum Status {
        OK, PROBLEM, UNKNOWN, NOT_MEASURED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static HealthFactor of(String factor, Status status, int pointsLost, int maxPoints, String reason, @Nullable String hint) {
        if (pointsLost < 0 || pointsLost > maxPoints) {
            throw new IllegalArgumentException(factor + " loses " + pointsLost + " of at most " + maxPoints);
        }
        return new HealthFactor(factor, status.wireName(), pointsLost, maxPoints, reason, hint);
    }
}
