package dev.penguinmails.domains.catalog;

import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.order.Ordered;

/**
 * Something that leaves the workspace with a domain (its mailboxes, its SES identity). Steps run in their
 * {@link #getOrder() order} before the domain item is marked removed, so a removal that stops midway (a crash, SES
 * not answering) leaves the domain in place and repeating the DELETE finishes the job: each step must be safe to
 * run again over what an earlier attempt already did.
 */
public interface DomainRemovalStep extends Ordered {

    /** Takes away what belongs to {@code domain}; throws (a problem) when it could not, so the domain stays. */
    void beforeRemoval(TenantContext tenant, DomainStore.Stored domain);
}
