package dev.penguinmails.contacts.suppression;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.contacts.model.EmailAddress;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A workspace's suppression list: add an address or a domain, list, check an address, remove. */
@Controller("/v1/workspaces/{workspaceId}/suppressions")
@Tag(name = "Suppressions")
@SecurityRequirement(name = "bearer")
class SuppressionController {
    private final SuppressionService service;
    private final SuppressionCheck check;

    SuppressionController(SuppressionService service, SuppressionCheck check) {
        this.service = service;
        this.check = check;
    }

    @Post
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "addSuppression", summary = "Suppress an address or a domain",
            description = "Nothing is sent to it from this workspace (a domain covers its subdomains) until the entry is "
                    + "removed. Give email or domain. Suppressing what is suppressed already answers the entry as it is.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "200", description = "It was suppressed already: the existing entry")
    @ApiResponse(responseCode = "400", description = "validation-failed: not an address or domain, or both or neither given")
    HttpResponse<SuppressionView> add(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                      @Valid @Body Add body) {
        SuppressionService.Added added = service.add(tenant, body.email(), body.domain(),
                reason(body.reason()), "api", true);
        SuppressionView view = SuppressionView.of(added.entry());
        return added.created()
                ? HttpResponse.created(view, URI.create("/v1/workspaces/" + workspaceId + "/suppressions/" + view.id()))
                : HttpResponse.ok(view);
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listSuppressions", summary = "List the suppression entries",
            description = "Domains by name, then addresses. Platform-wide entries are not listed.")
    Page<SuppressionView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                               @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                               @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor)).map(SuppressionView::of);
    }

    @Post("/check")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "checkSuppression", summary = "Check whether an address may be mailed",
            description = "Every entry that suppresses it: the workspace's for the address or its domain (or a parent "
                    + "domain), and the platform's. The address travels in the body, not the URL, to stay out of logs.")
    @ApiResponse(responseCode = "200", description = "suppressed says whether it may not be mailed")
    @ApiResponse(responseCode = "400", description = "validation-failed: not an email address")
    CheckView check(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                    @Valid @Body Check body) {
        EmailAddress email;
        try {
            email = EmailAddress.parse(body.email());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("email", e.getMessage());
        }
        List<CheckView.MatchView> matches = check.matches(tenant, email).stream().map(CheckView.MatchView::of).toList();
        return new CheckView(email.address(), !matches.isEmpty(), matches);
    }

    @Delete("/{suppressionId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "removeSuppression", summary = "Remove a suppression entry",
            description = "The address or domain may be mailed again. Entries kept after an erasure can be removed too.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "The workspace has no such entry")
    HttpResponse<Void> remove(@PathVariable String workspaceId, @PathVariable String suppressionId,
                              @Parameter(hidden = true) TenantContext tenant) {
        service.remove(tenant, suppressionId);
        return HttpResponse.noContent();
    }

    private static Suppression.Reason reason(String wire) {
        try {
            return Suppression.Reason.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("reason", e.getMessage());
        }
    }

    /** POST .../suppressions. */
    @Serdeable
    @Schema(name = "AddSuppression")
    record Add(@Nullable @Size(max = 320) @Schema(description = "An address; or give domain", example = "ana@acme.com") String email,
               @Nullable @Size(max = 300) @Schema(description = "A domain, covering its subdomains; or give email", example = "acme.com") String domain,
               @NotBlank @Pattern(regexp = "^(unsubscribed|hard-bounce|complaint|manual)$")
               @Schema(example = "manual") String reason) { }

    /** POST .../suppressions/check. */
    @Serdeable
    @Schema(name = "CheckSuppression")
    record Check(@NotBlank @Size(max = 320) @Schema(example = "ana@acme.com") String email) { }

    /** The answer of a check. */
    @Serdeable
    @Schema(name = "SuppressionCheck")
    record CheckView(@Schema(description = "The address as normalised") String email, boolean suppressed,
                     List<MatchView> matches) {

        /** One entry that suppresses the address. */
        @Serdeable
        @Schema(name = "SuppressionMatch")
        record MatchView(@Schema(description = "workspace or platform") String scope,
                         @Schema(description = "email or domain") String kind,
                         @Nullable String domain,
                         @Nullable @Schema(description = "The workspace entry's id") String suppressionId,
                         @Nullable String reason) {
            static MatchView of(SuppressionCheck.Match m) {
                return new MatchView(m.scope().name().toLowerCase(java.util.Locale.ROOT), m.kind().wire(), m.domain(),
                        m.entry() == null ? null : m.entry().id(), m.entry() == null ? null : m.entry().reason().wire());
            }
        }
    }
}
