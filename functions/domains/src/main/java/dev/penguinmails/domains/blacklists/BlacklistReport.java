package dev.penguinmails.domains.blacklists;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One run of a domain's blacklist checks: every listing asked, what could not be asked, and its cost. */
@Serdeable
@Schema(name = "BlacklistReport")
public record BlacklistReport(Instant checkedAt, List<Listing> listings,
                              @Schema(description = "What was seen but not checked, and why (an SPF range, too many addresses)") List<String> notChecked,
                              @Schema(description = "DNS queries the run made (answers reused from the cache cost none)") long queries) {
    public BlacklistReport {
        listings = List.copyOf(listings);
        notChecked = List.copyOf(notChecked);
    }

    /** The listings in {@code status}. */
    public List<Listing> in(Listing.Status status) {
        return listings.stream().filter(l -> l.state() == status).toList();
    }
}
