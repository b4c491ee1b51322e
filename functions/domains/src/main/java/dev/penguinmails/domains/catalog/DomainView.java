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
        @Schema(description = "DKIM selectors published for it") List<String> dkimSelectors,
        @Schema(description = "Its DKIM keys: the active one signs; a rotation adds a next one, and the one it replaces stays published as retiring until retireAfter") List<DkimKeyView> dkimKeys,
        Instant createdAt,
        @Nullable Instant verifiedAt,
        @Nullable Instant checkedAt) {

    public static DomainView of(Domain d) {
        return new DomainView(d.name(), d.unicodeName(), d.organizationalDomain(), d.subdomain(), d.status().wireName(),
                d.status().eligibleForSending(), d.dkimKeys().stream().map(k -> k.selector()).toList(),
                d.dkimKeys().stream().map(k -> new DkimKeyView(k.selector(), k.state().wireName(), k.retireAfter())).toList(),
                d.createdAt(),
                d.verifiedAt(), d.checkedAt());
    }

    /** A DKIM key as the API shows it: never the key itself. */
    @Serdeable
    public record DkimKeyView(String selector, @Schema(description = "active, next or retiring") String state,
                              @Nullable Instant retireAfter) { }
}
