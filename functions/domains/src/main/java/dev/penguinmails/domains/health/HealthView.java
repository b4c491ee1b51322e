package dev.penguinmails.domains.health;

import dev.penguinmails.domains.blacklists.BlacklistReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A domain's health as the API shows it: the score explained, and what it was made from, with when each was checked. */
@Serdeable
@Schema(name = "DomainHealth")
public record HealthView(
        @Schema(example = "outreach.acme.com") String domain,
        @Schema(description = "The domain's status: pending, verified, degraded or failed") String status,
        @Schema(description = "0 to 100") int score,
        @Schema(description = "A (90+), B (75+), C (60+), D (40+) or F") String grade,
        @Schema(description = "The score and what cost the most, in one line") String summary,
        List<HealthFactor> factors,
        @Schema(type = "object", description = "The last DNS verification; null if never verified") @Nullable Dns dns,
        @Schema(type = "object", description = "The last blacklist check; null if never checked") @Nullable BlacklistReport blacklists) {

    /** When the records were last verified, and the outcome (passed, failed or unknown). */
    @Serdeable
    @Schema(name = "DomainHealthDns")
    public record Dns(Instant checkedAt, String outcome) { }
}
