package dev.penguinmails.identity.audit;

import static dev.penguinmails.shared.auth.Permission.AUDIT_READ;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The workspace's audit trail, for admins and owners (or keys with audit:read). */
@Controller("/v1/workspaces/{workspaceId}/audit-log")
@Tag(name = "Audit log")
@SecurityRequirement(name = "bearer")
class AuditController {
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    @RequiresPermission(AUDIT_READ)
    @Operation(operationId = "listAuditLog", summary = "List the audit log",
            description = "Security-relevant actions in this workspace (who, what, target, when, IP), newest first.")
    Page<AuditRecord> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                           @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                           @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return audit.list(tenant, PageRequest.of(limit, cursor));
    }
}
