package dev.penguinmails.contacts.privacy;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.contacts.catalog.ContactService;
import dev.penguinmails.contacts.catalog.ContactView;
import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.contacts.model.EmailAddress;
import dev.penguinmails.contacts.suppression.SuppressionCheck;
import dev.penguinmails.contacts.suppression.SuppressionView;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/** A person's rights over what the workspace holds about them (GDPR/CCPA): export it, erase it. */
@Controller("/v1/workspaces/{workspaceId}/contacts/{contactId}")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class PrivacyController {
    private final ContactService contacts;
    private final SuppressionCheck suppressions;

    PrivacyController(ContactService contacts, SuppressionCheck suppressions) {
        this.contacts = contacts;
        this.suppressions = suppressions;
    }

    @Get("/export")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "exportContact", summary = "Export everything held about a contact",
            description = "The contact with every field and the workspace's suppression entries that apply to its "
                    + "address, as one JSON document to hand to the person (a subject access request).")
    @ApiResponse(responseCode = "404", description = "The workspace has no such contact")
    ContactExport export(@PathVariable String workspaceId, @PathVariable String contactId,
                         @Parameter(hidden = true) TenantContext tenant) {
        Contact contact = contacts.get(tenant, contactId);
        List<SuppressionView> entries = suppressions.matches(tenant, EmailAddress.parse(contact.email())).stream()
                .filter(m -> m.entry() != null).map(m -> SuppressionView.of(m.entry())).toList();
        return new ContactExport(Instant.now(), ContactView.of(contact), entries);
    }

    @Post("/erase")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "eraseContact", summary = "Erase a contact (right to be forgotten)",
            description = "Deletes the contact and everything held about it, keeping only a hash of its address on the "
                    + "suppression list, so that neither an import nor sending can reach the person again; "
                    + "contact.erased tells the other families to delete what they hold. Creating the address again "
                    + "answers 409 contact-erased until that entry is removed. Asking again finishes an erasure "
                    + "that failed half-way.")
    @ApiResponse(responseCode = "204", description = "Erased")
    @ApiResponse(responseCode = "404", description = "The workspace has no such contact (or it is erased already)")
    HttpResponse<Void> erase(@PathVariable String workspaceId, @PathVariable String contactId,
                             @Parameter(hidden = true) TenantContext tenant) {
        contacts.erase(tenant, contactId);
        return HttpResponse.noContent();
    }

    /** Everything the contacts family holds about a contact. */
    @Serdeable
    @Schema(name = "ContactExport")
    record ContactExport(Instant exportedAt, ContactView contact,
                         @Schema(description = "The workspace's suppression entries for its address or its domains")
                         List<SuppressionView> suppressions) { }
}
