package dev.penguinmails.contacts.unsubscribes;

import dev.penguinmails.contacts.catalog.ContactService;
import dev.penguinmails.contacts.catalog.ContactStore;
import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.contacts.model.ContactInput;
import dev.penguinmails.contacts.model.ContactStatus;
import dev.penguinmails.contacts.suppression.Suppression;
import dev.penguinmails.contacts.suppression.SuppressionService;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.sending.EmailUnsubscribed;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an unsubscribe from a message's link (decision 0054): a workspace suppression entry with reason
 * {@code unsubscribed} for the address the message went to (so no campaign mails it again, whatever contact holds
 * it), then the contact's status {@code unsubscribed} through {@link ContactService}, which publishes
 * {@code contact.updated} and {@code contact.unsubscribed}. Both steps are idempotent, so a redelivery or a second
 * unsubscribe changes nothing more.
 */
@Singleton
public class UnsubscribeApplier {
    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeApplier.class);
    static final String SOURCE = "unsubscribe-link";

    private final ContactStore contacts;
    private final ContactService service;
    private final SuppressionService suppressions;

    UnsubscribeApplier(ContactStore contacts, ContactService service, SuppressionService suppressions) {
        this.contacts = contacts;
        this.service = service;
        this.suppressions = suppressions;
    }

    public void apply(TenantContext tenant, EmailUnsubscribed unsubscribed) {
        Optional<Contact> contact = contacts.get(tenant, unsubscribed.send().contactId());
        boolean sameAddress = contact.map(c -> EmailHashes.of(tenant.workspaceId(), c.email())
                .equals(unsubscribed.emailHash())).orElse(false);
        if (sameAddress) {
            suppressions.add(tenant, contact.get().email(), null, Suppression.Reason.UNSUBSCRIBED, SOURCE, true);
        } else {
            // The contact is gone or has another address now: the address the message went to is still suppressed.
            suppressions.addHash(tenant, unsubscribed.emailHash(), Suppression.Reason.UNSUBSCRIBED, SOURCE);
        }
        if (contact.isPresent() && contact.get().status() != ContactStatus.UNSUBSCRIBED) {
            service.update(tenant, contact.get().id(), new ContactInput(null, null, null, null, null, null, null, null,
                    null, null, ContactStatus.UNSUBSCRIBED.wire()));
        }
        LOG.info("Unsubscribe of contact {} ({}) applied", unsubscribed.send().contactId(),
                contact.isPresent() ? "found" : "gone");
    }
}
