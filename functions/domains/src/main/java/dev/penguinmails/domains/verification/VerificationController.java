package dev.penguinmails.domains.verification;

import static dev.penguinmails.shared.auth.Permission.DOMAINS_WRITE;

import dev.penguinmails.domains.catalog.DomainService;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST .../domains/{domain}/verify}: checks the records now. */
@Controller("/v1/workspaces/{workspaceId}/domains/{domain}/verify")
@Tag(name = "Domains")
@SecurityRequirement(name = "bearer")
class VerificationController {
    private final DomainService domains;
    private final DomainVerifier verifier;

    VerificationController(DomainService domains, DomainVerifier verifier) {
        this.domains = domains;
        this.verifier = verifier;
    }

    @Post
    @RequiresPermission(DOMAINS_WRITE)
    @IdempotencyExempt
    @Operation(operationId = "verifyDomain", summary = "Verify the domain's DNS records now",
            description = "Checks every record against the configured resolvers: found or missing, expected against "
                    + "actual, findings (SPF lookup limits, void lookups, +all; DMARC tags) and a fix for each. All "
                    + "required records passing makes the domain verified and able to send; a verified domain that "
                    + "fails becomes degraded and stops sending. A domain another workspace has verified fails its "
                    + "ownership check (claimed). A DNS failure changes nothing. Repeating it only "
                    + "checks again, so no Idempotency-Key is kept.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    VerificationView verify(@PathVariable String workspaceId, @PathVariable String domain,
                            @Parameter(hidden = true) TenantContext tenant) {
        return VerificationView.of(verifier.verify(tenant, domains.get(tenant, domain)));
    }
}
