package dev.penguinmails.domains.catalog;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the domain endpoints. */
public final class DomainRequests {
    private DomainRequests() { }

    /** POST .../domains. */
    @Serdeable
    @Schema(name = "AddDomain")
    public record Add(@NotBlank @Size(max = 300)
                      @Schema(description = "The domain or subdomain mail is sent from; international names are welcome",
                              example = "outreach.acme.com") String name) { }
}
