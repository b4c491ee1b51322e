package dev.penguinmails.domains.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A domain as the API shows it: never a private key. */
@Serdeable
@Schema(name = "Domain")
public record DomainView(
        @Schema(description = "ASCII form (punycode for international names), the domain's id", example = "outreach.acme.com") String name,
        @Schema(description = "As people read it", example = "outreach.acme.com") String unicodeName,
        @Schema(description = "The registrable domain it belongs to, where DMARC is looked up", example = "acme.com") String organizationalDomain,
        boolean subdomain,
        @Schema(description = "pending, verified, degraded or failed; only verified domains send") String status,
        boolean eligibleForSending,
        @Schema(description = "DKIM selectors published for it, the signing one first") List<String> dkimSelectors,
        Instant createdAt,
        @Nullable Instant verifiedAt,
        @Nullable Instant checkedAt) {

    public static DomainView of(Domain d) {
        return new DomainView(d.name(), d.unicodeName(), d.organizationalDomain(), d.subdomain(), d.status().wireName(),
                d.status().eligibleForSending(), d.dkimKeys().stream().map(k -> k.selector()).toList(), d.createdAt(),
                d.verifiedAt(), d.checkedAt());
    }
}
