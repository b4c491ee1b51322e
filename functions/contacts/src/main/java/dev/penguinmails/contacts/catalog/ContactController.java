package dev.penguinmails.contacts.catalog;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.contacts.model.Contact;
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

/** A workspace's contacts: create, list, read, change, delete. */
@Controller("/v1/workspaces/{workspaceId}/contacts")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class ContactController {
    private final ContactService service;

    ContactController(ContactService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "createContact", summary = "Create a contact",
            description = "Normalises every field (email, E.164 phone, IANA time zone, tags, typed custom fields) and "
                    + "refuses the whole contact, listing each bad field, if any is not acceptable. An email is unique "
                    + "in the workspace, compared trimmed and without regard to case.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad field under errors; nothing written")
    @ApiResponse(responseCode = "409", description = "contact-exists: the detail and Location name the contact that has the "
            + "email; plan-limit: the workspace holds as many contacts as its plan allows (errors[0] names the limit "
            + "and the count in use); nothing written")
    HttpResponse<ContactView> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                     @Valid @Body ContactRequests.Create body) {
        Contact contact = service.create(tenant, body.input());
        return HttpResponse.created(ContactView.of(contact),
                URI.create("/v1/workspaces/" + workspaceId + "/contacts/" + contact.id()));
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listContacts", summary = "List the contacts", description = "Oldest first.")
    Page<ContactView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                           @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                           @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor)).map(ContactView::of);
    }

    @Get("/{contactId}")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getContact", summary = "Read a contact")
    @ApiResponse(responseCode = "404", description = "The workspace has no such contact")
    ContactView get(@PathVariable String workspaceId, @PathVariable String contactId,
                    @Parameter(hidden = true) TenantContext tenant) {
        return ContactView.of(service.get(tenant, contactId));
    }

    @Patch("/{contactId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "updateContact", summary = "Change a contact",
            description = "Only what is given changes: an empty string clears a text, an empty list the tags, and a "
                    + "custom field given as null is removed. Setting status to unsubscribed also publishes "
                    + "contact.unsubscribed.")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad field under errors; nothing changed")
    @ApiResponse(responseCode = "404", description = "The workspace has no such contact")
    @ApiResponse(responseCode = "409", description = "contact-exists (the new email belongs to another contact) or contact-changed")
    ContactView update(@PathVariable String workspaceId, @PathVariable String contactId,
                       @Parameter(hidden = true) TenantContext tenant, @Valid @Body ContactRequests.Update body) {
        return ContactView.of(service.update(tenant, contactId, body.input()));
    }

    @Delete("/{contactId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "deleteContact", summary = "Delete a contact",
            description = "Its email may be added again afterwards. Suppression entries for it stay.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "The workspace has no such contact")
    HttpResponse<Void> delete(@PathVariable String workspaceId, @PathVariable String contactId,
                              @Parameter(hidden = true) TenantContext tenant) {
        service.delete(tenant, contactId);
        return HttpResponse.noContent();
    }
}
