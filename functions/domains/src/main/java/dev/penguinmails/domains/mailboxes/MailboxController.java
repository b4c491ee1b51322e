package dev.penguinmails.domains.mailboxes;

import static dev.penguinmails.shared.auth.Permission.MAILBOXES_READ;
import static dev.penguinmails.shared.auth.Permission.MAILBOXES_WRITE;

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
import io.micronaut.http.annotation.Patch;
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
import java.time.Instant;

/** A workspace's mailboxes (sending accounts): connect, list, read, change, test, remove. */
@Controller("/v1/workspaces/{workspaceId}/mailboxes")
@Tag(name = "Mailboxes")
@SecurityRequirement(name = "bearer")
class MailboxController {
    private final MailboxService service;

    MailboxController(MailboxService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(MAILBOXES_WRITE)
    @Operation(operationId = "connectMailbox", summary = "Connect a mailbox",
            description = "The address must be on one of the workspace's domains. An smtp mailbox is kept only if a "
                    + "live login to its SMTP and IMAP servers passes (short timeouts; passwords are stored encrypted "
                    + "and never shown). An ses mailbox sends through the domain's SES identity, created on first use "
                    + "with the domain's own DKIM key. A warm-up ramp starts today unless disabled.")
    @ApiResponse(responseCode = "201", description = "Connected")
    @ApiResponse(responseCode = "400", description = "validation-failed: the address, a server or a limit is not acceptable")
    @ApiResponse(responseCode = "409", description = "mailbox-exists, or ses-identity-taken")
    @ApiResponse(responseCode = "422", description = "mailbox-connection-failed: each failed server under errors, with what to check")
    HttpResponse<MailboxView> connect(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                      @Valid @Body MailboxRequests.Connect body) {
        Mailbox mailbox = service.connect(tenant, body);
        return HttpResponse.created(MailboxView.of(mailbox, Instant.now()),
                URI.create("/v1/workspaces/" + workspaceId + "/mailboxes/" + mailbox.id()));
    }

    @Get
    @RequiresPermission(MAILBOXES_READ)
    @Operation(operationId = "listMailboxes", summary = "List the mailboxes", description = "By id.")
    Page<MailboxView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                           @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                           @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        Instant now = Instant.now();
        return service.list(tenant, PageRequest.of(limit, cursor)).map(m -> MailboxView.of(m, now));
    }

    @Get("/{mailboxId}")
    @RequiresPermission(MAILBOXES_READ)
    @Operation(operationId = "getMailbox", summary = "Read a mailbox")
    @ApiResponse(responseCode = "404", description = "The workspace has no such mailbox")
    MailboxView get(@PathVariable String workspaceId, @PathVariable String mailboxId,
                    @Parameter(hidden = true) TenantContext tenant) {
        return MailboxView.of(service.get(tenant, mailboxId), Instant.now());
    }

    @Patch("/{mailboxId}")
    @RequiresPermission(MAILBOXES_WRITE)
    @Operation(operationId = "updateMailbox", summary = "Change a mailbox",
            description = "Only what is given changes. New SMTP or IMAP settings (with the password) are tested "
                    + "first and kept only if the login passes; a passing change reconnects a failing mailbox.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such mailbox")
    @ApiResponse(responseCode = "422", description = "mailbox-connection-failed: nothing changed")
    MailboxView update(@PathVariable String workspaceId, @PathVariable String mailboxId,
                       @Parameter(hidden = true) TenantContext tenant, @Valid @Body MailboxRequests.Update body) {
        return MailboxView.of(service.update(tenant, mailboxId, body), Instant.now());
    }

    @Post("/{mailboxId}/test")
    @RequiresPermission(MAILBOXES_WRITE)
    @Operation(operationId = "testMailbox", summary = "Test a mailbox's connection now",
            description = "Logs in to its servers (or asks SES about its domain) and keeps the outcome: a failing "
                    + "mailbox stops being eligible for sending, a passing one becomes eligible again.")
    @ApiResponse(responseCode = "200", description = "Tested; passed says how it went")
    @ApiResponse(responseCode = "404", description = "The workspace has no such mailbox")
    ConnectionTestView test(@PathVariable String workspaceId, @PathVariable String mailboxId,
                            @Parameter(hidden = true) TenantContext tenant) {
        MailboxService.TestOutcome outcome = service.test(tenant, mailboxId);
        return new ConnectionTestView(outcome.mailbox().lastTest().passed(),
                outcome.results().stream().map(ConnectionTestView.ResultView::of).toList(),
                MailboxView.of(outcome.mailbox(), Instant.now()));
    }

    @Delete("/{mailboxId}")
    @RequiresPermission(MAILBOXES_WRITE)
    @Operation(operationId = "removeMailbox", summary = "Remove a mailbox",
            description = "Its credentials are dropped and sending stops using it.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "The workspace has no such mailbox")
    HttpResponse<Void> remove(@PathVariable String workspaceId, @PathVariable String mailboxId,
                              @Parameter(hidden = true) TenantContext tenant) {
        service.remove(tenant, mailboxId);
        return HttpResponse.noContent();
    }
}
