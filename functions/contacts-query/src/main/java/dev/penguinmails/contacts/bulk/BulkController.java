package dev.penguinmails.contacts.bulk;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Bulk operations on contacts: tag, untag, add to or remove from a list, or delete the contacts a segment, an inline
 * definition or a selection holds. The target is resolved once, at the start; poll the operation for its progress.
 */
@Controller("/v1/workspaces/{workspaceId}/contact-bulk-operations")
@Tag(name = "Contact bulk operations")
@SecurityRequirement(name = "bearer")
class BulkController {
    private final BulkService service;

    BulkController(BulkService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "createContactBulkOperation", summary = "Start a bulk operation on contacts",
            description = "Resolves the target (a saved segment, an inline definition, or a selection of contact ids) "
                    + "into the live contacts it holds now, then applies the action to them off the request: tag and "
                    + "untag change the contacts' tags, delete deletes them (each as PATCH and DELETE of a contact do, "
                    + "with their events), add_to_list and remove_from_list change a static list's members.")
    @ApiResponse(responseCode = "202", description = "Started")
    @ApiResponse(responseCode = "400", description = "validation-failed: a bad action, tags, list, target or definition")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment or list")
    HttpResponse<BulkView> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                  @Valid @Body BulkRequest body) {
        BulkView created = service.create(tenant, body);
        return HttpResponse.accepted().<BulkView>body(created)
                .header(HttpHeaders.LOCATION, "/v1/workspaces/" + workspaceId + "/contact-bulk-operations/" + created.id());
    }

    @Get
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "listContactBulkOperations", summary = "List the bulk operations",
            description = "Newest first; kept 30 days.")
    Page<BulkView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                        @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                        @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor));
    }

    @Get("/{operationId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "getContactBulkOperation", summary = "A bulk operation's progress",
            description = "status (queued, running, completed, failed), matched (the contacts of the target at the "
                    + "start), processed, changed, unchanged, failed, missing (deleted meanwhile) and percent.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such bulk operation")
    BulkView get(@PathVariable String workspaceId, @PathVariable String operationId,
                 @Parameter(hidden = true) TenantContext tenant) {
        return service.get(tenant, operationId);
    }
}
