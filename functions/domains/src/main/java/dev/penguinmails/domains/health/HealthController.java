package dev.penguinmails.domains.health;

import static dev.penguinmails.shared.auth.Permission.DOMAINS_READ;
import static dev.penguinmails.shared.auth.Permission.DOMAINS_WRITE;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET .../domains/{domain}/health} and {@code POST .../domains/{domain}/blacklists/check}. */
@Controller("/v1/workspaces/{workspaceId}/domains/{domain}")
@Tag(name = "Domains")
@SecurityRequirement(name = "bearer")
class HealthController {
    private final DomainHealth health;

    HealthController(DomainHealth health) {
        this.health = health;
    }

    @Get("/health")
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "getDomainHealth", summary = "The domain's health score, explained",
            description = "A score from 0 to 100 and a grade, made of factors that each say what they took off and "
                    + "why: the DNS records of the last verification (SPF, DKIM, DMARC, return path, tracking) and the "
                    + "last blacklist check (DNSBLs for the sending addresses, RHSBLs for the domain). A list that "
                    + "refused or did not answer is unknown and takes nothing off. Bounce and complaint rates are "
                    + "reported as not measured yet. Reads what was kept; it asks no DNS.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    HealthView get(@PathVariable String workspaceId, @PathVariable String domain,
                   @Parameter(hidden = true) TenantContext tenant) {
        return health.get(tenant, domain);
    }

    @Post("/blacklists/check")
    @RequiresPermission(DOMAINS_WRITE)
    @IdempotencyExempt
    @Operation(operationId = "checkDomainBlacklists", summary = "Check the blacklists now",
            description = "Asks every configured DNSBL about the domain's sending addresses (the platform's and the "
                    + "hosts in its SPF record) and every RHSBL about the domain, keeps the answers and answers the new "
                    + "health. Verifications check them too, at most every penguinmails.blacklists.check-after. "
                    + "Repeating it only checks again, so no Idempotency-Key is kept.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    @ApiResponse(responseCode = "409", description = "domain-changed: the domain changed meanwhile; retry")
    HealthView check(@PathVariable String workspaceId, @PathVariable String domain,
                     @Parameter(hidden = true) TenantContext tenant) {
        return health.checkBlacklists(tenant, domain);
    }
}
