package dev.penguinmails.contacts.exports;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;

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
 * Contact exports: the contacts a segment, a list or an inline definition matches (or all of them) as a CSV in S3,
 * written off the request by the {@code contacts-exports} consumer; poll the export, then download it.
 */
@Controller("/v1/workspaces/{workspaceId}/contact-exports")
@Tag(name = "Contact exports")
@SecurityRequirement(name = "bearer")
class ExportController {
    private final ExportService service;

    ExportController(ExportService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "createContactExport", summary = "Start an export of contacts to CSV",
            description = "Queues an export of the live contacts a saved segment, a list or an inline definition "
                    + "matches (none: every live contact), with the columns given (default: every field, then every "
                    + "declared custom field). The file is UTF-8 with a byte order mark, comma-separated, RFC 4180 "
                    + "quoting, rows in contact id order; a cell starting with = + - @, a tab or a carriage return is "
                    + "prefixed with a single quote so that spreadsheets do not run it as a formula. Poll the export "
                    + "until completed, then GET download.url.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad rule of the definition by its path, "
            + "each bad column as columns[i], or more than one filter")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment or list")
    HttpResponse<ExportView> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                    @Valid @Body ExportRequest body) {
        ExportView created = service.create(tenant, body);
        return HttpResponse.accepted().<ExportView>body(created)
                .header(HttpHeaders.LOCATION, "/v1/workspaces/" + workspaceId + "/contact-exports/" + created.id());
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listContactExports", summary = "List the exports", description = "Newest first; kept 7 days.")
    Page<ExportView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                          @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor));
    }

    @Get("/{exportId}")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getContactExport", summary = "An export's progress, and its file once completed",
            description = "State, rows written of the total counted at the start, percent; once completed, download: "
                    + "a presigned URL of the CSV valid 15 minutes, minted anew on each read.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such export")
    ExportView get(@PathVariable String workspaceId, @PathVariable String exportId,
                   @Parameter(hidden = true) TenantContext tenant) {
        return service.get(tenant, exportId);
    }
}
