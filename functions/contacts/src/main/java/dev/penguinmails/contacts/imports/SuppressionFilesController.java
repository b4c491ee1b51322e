package dev.penguinmails.contacts.imports;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
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
import java.net.URI;

/**
 * The suppression list as files: a CSV imported into it (through the contact imports' upload and worker) and the
 * list exported as a CSV.
 */
@Controller("/v1/workspaces/{workspaceId}")
@Tag(name = "Suppressions")
@SecurityRequirement(name = "bearer")
class SuppressionFilesController {
    private final ImportService imports;
    private final SuppressionExports exports;

    SuppressionFilesController(ImportService imports, SuppressionExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @Post("/suppression-imports")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "createSuppressionImport", summary = "Start an import of suppression entries from a CSV file",
            description = "Answers the import and a presigned URL to PUT the file to (with the Content-Type given, "
                    + "within 15 minutes). The upload starts the import. The file has an email column, a domain "
                    + "column, or both (one of them filled per row), or a single value column holding either; and an "
                    + "optional reason column (unsubscribed, hard-bounce, complaint or manual; empty: defaultReason). "
                    + "Each row adds an entry to this workspace's list (never the platform's); an entry the list has "
                    + "already is counted existing and left as it is, so importing a file again changes nothing. "
                    + "Encodings and delimiters are detected as for contact imports. Poll the import, then download "
                    + "its error report.")
    @ApiResponse(responseCode = "201", description = "Created; upload the file to upload.url")
    @ApiResponse(responseCode = "400", description = "validation-failed (not csv, an unknown defaultReason, no size), "
            + "or file-too-large (over 10 MiB); nothing kept")
    HttpResponse<SuppressionImportView.Created> create(@PathVariable String workspaceId,
                                                       @Parameter(hidden = true) TenantContext tenant,
                                                       @Valid @Body SuppressionImportRequest body) {
        SuppressionImportView.Created created = imports.startSuppressions(tenant, body);
        return HttpResponse.created(created, URI.create("/v1/workspaces/" + workspaceId + "/suppression-imports/"
                + created.suppressionImport().id()));
    }

    @Get("/suppression-imports")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listSuppressionImports", summary = "List the suppression imports",
            description = "Newest first; kept 30 days.")
    Page<SuppressionImportView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                     @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                                     @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return imports.list(tenant, ImportKind.SUPPRESSIONS, PageRequest.of(limit, cursor)).map(SuppressionImportView::of);
    }

    @Get("/suppression-imports/{importId}")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getSuppressionImport", summary = "A suppression import's progress",
            description = "Rows read, entries added, existing, skipped and failed, percent of the file read, and "
                    + "state; poll until completed or failed.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such import")
    SuppressionImportView get(@PathVariable String workspaceId, @PathVariable String importId,
                              @Parameter(hidden = true) TenantContext tenant) {
        return SuppressionImportView.of(imports.get(tenant, ImportKind.SUPPRESSIONS, importId));
    }

    @Get("/suppression-imports/{importId}/errors")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getSuppressionImportErrors", summary = "Download a suppression import's error report",
            description = "A presigned URL (15 minutes) of a CSV with one line per reason a row failed or was skipped: "
                    + "row (as the file numbers it), column (its header), reason. Cells that a spreadsheet would run "
                    + "as a formula are prefixed with an apostrophe.")
    @ApiResponse(responseCode = "404", description = "No such import, or no-error-report: it is still running, or "
            + "every row went in")
    ImportView.Report errors(@PathVariable String workspaceId, @PathVariable String importId,
                             @Parameter(hidden = true) TenantContext tenant) {
        return imports.report(tenant, ImportKind.SUPPRESSIONS, importId);
    }

    @Get("/suppressions/export")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "exportSuppressions", summary = "Export the suppression list as CSV",
            description = "Writes the workspace's entries to a CSV (type, value, reason, source, createdAt) and answers "
                    + "a presigned URL (15 minutes) to download it; the file is deleted after 7 days. type is email, "
                    + "domain, or hashed for an entry that kept only its address's SHA-256 hash (after an erasure): "
                    + "its value is the hash. Platform-wide entries are not exported. Cells that a spreadsheet would "
                    + "run as a formula are prefixed with an apostrophe.")
    @ApiResponse(responseCode = "200", description = "The file is written; download it from url")
    SuppressionExports.Exported export(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant) {
        return exports.export(tenant);
    }
}
