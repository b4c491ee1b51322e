package dev.penguinmails.domains.verification;

import dev.penguinmails.domains.catalog.DomainView;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of a verification: the domain after it, what the checks mean together, and each record's check. */
@Serdeable
@Schema(name = "DomainVerification")
public record VerificationView(DomainView domain,
                               @Schema(description = "passed, failed, or unknown when DNS did not answer (nothing changed)") String outcome,
                               List<RecordCheck> checks,
                               @Schema(description = "DNS queries this verification made") long dnsQueries) {
    static VerificationView of(Verification v) {
        return new VerificationView(DomainView.of(v.domain()), v.outcome().name().toLowerCase(java.util.Locale.ROOT),
                v.checks(), v.queries());
    }
}
