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

/** Contact imports: a CSV or XLSX file uploaded to S3 becomes contacts, with pollable progress and an error report. */
@Controller("/v1/workspaces/{workspaceId}/contact-imports")
@Tag(name = "Contact imports")
@SecurityRequirement(name = "bearer")
class ImportController {
    private final ImportService service;

    ImportController(ImportService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "createContactImport", summary = "Start an import of contacts from a CSV or XLSX file",
            description = "Answers the import and a presigned URL to PUT the file to (with the Content-Type given, "
                    + "within 15 minutes). The upload starts the import: the file is read as a stream (CSV: UTF-8 with "
                    + "or without BOM, UTF-16 with BOM, else Latin-1/windows-1252; delimiter , ; tab or |), each row "
                    + "normalised and checked as POST .../contacts does, suppressed addresses skipped, duplicates in "
                    + "the file skipped (the first row of an address wins), existing contacts handled by the dedupe "
                    + "mode. Poll the import, then download its error report.")
    @ApiResponse(responseCode = "201", description = "Created; upload the file to upload.url")
    @ApiResponse(responseCode = "400", description = "validation-failed (each bad field under errors), or file-too-large "
            + "(over 100 MiB for CSV, 50 MiB for XLSX); nothing kept")
    HttpResponse<ImportView.Created> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                            @Valid @Body ImportRequest body) {
        ImportView.Created created = service.start(tenant, body);
        return HttpResponse.created(created, URI.create("/v1/workspaces/" + workspaceId + "/contact-imports/"
                + created.contactImport().id()));
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listContactImports", summary = "List the imports", description = "Newest first; kept 30 days.")
    Page<ImportView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                          @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, ImportKind.CONTACTS, PageRequest.of(limit, cursor)).map(ImportView::of);
    }

    @Get("/{importId}")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getContactImport", summary = "An import's progress",
            description = "Rows read, created, updated, skipped and failed, percent of the file read, and state; poll "
                    + "until completed or failed.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such import")
    ImportView get(@PathVariable String workspaceId, @PathVariable String importId,
                   @Parameter(hidden = true) TenantContext tenant) {
        return ImportView.of(service.get(tenant, ImportKind.CONTACTS, importId));
    }

    @Get("/{importId}/errors")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getContactImportErrors", summary = "Download an import's error report",
            description = "A presigned URL (15 minutes) of a CSV with one line per reason a row failed or was skipped: "
                    + "row (as the file numbers it), column (its header), reason. Cells that a spreadsheet would run "
                    + "as a formula are prefixed with an apostrophe.")
    @ApiResponse(responseCode = "404", description = "No such import, or no-error-report: it is still running, or "
            + "every row went in")
    ImportView.Report errors(@PathVariable String workspaceId, @PathVariable String importId,
                             @Parameter(hidden = true) TenantContext tenant) {
        return service.report(tenant, ImportKind.CONTACTS, importId);
    }
}
