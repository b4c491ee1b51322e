package dev.penguinmails.domains.ses;

import dev.penguinmails.domains.catalog.DomainRemovalStep;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;

/**
 * A removed domain takes the SES identity its workspace created with it, after its mailboxes: the identity signs
 * with the domain's DKIM key, which the removal destroys, and adding the domain again makes a new key.
 */
@Singleton
class SesIdentityRemoval implements DomainRemovalStep {
    private final SesIdentities identities;

    SesIdentityRemoval(SesIdentities identities) {
        this.identities = identities;
    }

    @Override
    public void beforeRemoval(TenantContext tenant, DomainStore.Stored domain) {
        identities.deleteCreated(domain);
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
