package dev.penguinmails.domains.catalog;

import static dev.penguinmails.shared.auth.Permission.DOMAINS_READ;
import static dev.penguinmails.shared.auth.Permission.DOMAINS_WRITE;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

/** A workspace's sending domains: add, list, read, remove. */
@Controller("/v1/workspaces/{workspaceId}/domains")
@Tag(name = "Domains")
@SecurityRequirement(name = "bearer")
class DomainController {
    private final DomainService service;

    DomainController(DomainService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(DOMAINS_WRITE)
    @Operation(operationId = "addDomain", summary = "Add a sending domain",
            description = "Validates the name (international names become punycode; public suffixes such as co.uk, IP "
                    + "addresses and PenguinMails' own domains are refused, and so is a name another workspace has verified), "
                    + "makes its DKIM key and answers the domain. "
                    + "GET .../records shows what to publish in DNS; POST .../verify checks it.")
    @ApiResponse(responseCode = "201", description = "Added, pending verification")
    @ApiResponse(responseCode = "400", description = "validation-failed: the name cannot be a sending domain")
    @ApiResponse(responseCode = "409", description = "domain-exists: the workspace has it already; domain-claimed: "
            + "another workspace has verified it (a domain sends from one workspace only)")
    HttpResponse<DomainView> add(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                 @Valid @Body DomainRequests.Add body) {
        Domain domain = service.add(tenant, body.name());
        return HttpResponse.created(DomainView.of(domain),
                URI.create("/v1/workspaces/" + workspaceId + "/domains/" + domain.name()));
    }

    @Get
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "listDomains", summary = "List the sending domains", description = "By name.")
    Page<DomainView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                          @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor)).map(DomainView::of);
    }

    @Get("/{domain}")
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "getDomain", summary = "Read a sending domain")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    DomainView get(@PathVariable String workspaceId, @PathVariable String domain,
                   @Parameter(hidden = true) TenantContext tenant) {
        return DomainView.of(service.get(tenant, domain));
    }

    @Delete("/{domain}")
    @RequiresPermission(DOMAINS_WRITE)
    @Operation(operationId = "removeDomain", summary = "Remove a sending domain",
            description = "Its mailboxes are removed first (each publishes mailbox.removed), then the SES identity this "
                    + "workspace created for it, if any; its DKIM keys are destroyed with it, sending stops using "
                    + "it and other workspaces may verify the name. Adding it again makes new keys. If it stops "
                    + "midway (409, 502) the domain stays: repeat the DELETE to finish.")
    @ApiResponse(responseCode = "204", description = "Removed, with its mailboxes and SES identity")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    @ApiResponse(responseCode = "409", description = "It or one of its mailboxes changed meanwhile; repeat the DELETE")
    @ApiResponse(responseCode = "502", description = "SES did not answer about its identity; repeat the DELETE")
    HttpResponse<Void> remove(@PathVariable String workspaceId, @PathVariable String domain,
                              @Parameter(hidden = true) TenantContext tenant) {
        service.remove(tenant, domain);
        return HttpResponse.noContent();
    }
}
