package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.domains.catalog.DomainRemovalStep;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;

/** A removed domain takes its mailboxes with it, first: each publishes {@code mailbox.removed} as a DELETE would. */
@Singleton
class MailboxRemovalWithDomain implements DomainRemovalStep {
    private final MailboxService mailboxes;

    MailboxRemovalWithDomain(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public void beforeRemoval(TenantContext tenant, DomainStore.Stored domain) {
        mailboxes.removeAllOn(tenant, domain.domain().name());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
