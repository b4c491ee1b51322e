package dev.penguinmails.domains.dkim;

import static dev.penguinmails.shared.auth.Permission.DOMAINS_WRITE;

import dev.penguinmails.domains.catalog.DomainService;
import dev.penguinmails.domains.catalog.DomainView;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST .../domains/{domain}/dkim/rotate}: starts a DKIM key rotation. */
@Controller("/v1/workspaces/{workspaceId}/domains/{domain}/dkim/rotate")
@Tag(name = "Domains")
@SecurityRequirement(name = "bearer")
class DkimRotationController {
    private final DomainService domains;
    private final DkimRotationService rotation;

    DkimRotationController(DomainService domains, DkimRotationService rotation) {
        this.domains = domains;
        this.rotation = rotation;
    }

    @Post
    @RequiresPermission(DOMAINS_WRITE)
    @Operation(operationId = "rotateDkimKey", summary = "Rotate the domain's DKIM key",
            description = "Makes a new key under the next selector (state next) and adds its record to GET .../records. "
                    + "The current key keeps signing. Once a verification finds the new record, the new key signs and "
                    + "the old one stays published (retiring) for the overlap window (7 days), so mail signed with it "
                    + "still verifies; then its record can go.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    @ApiResponse(responseCode = "409", description = "dkim-rotation-in-progress: a next key waits for its record, or a retiring one is still published")
    DomainView rotate(@PathVariable String workspaceId, @PathVariable String domain,
                      @Parameter(hidden = true) TenantContext tenant) {
        return DomainView.of(rotation.rotate(tenant, domains.get(tenant, domain)));
    }
}
