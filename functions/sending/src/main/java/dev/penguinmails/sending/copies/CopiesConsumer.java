package dev.penguinmails.sending.copies;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.SubscriptionStatusChanged;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.SuppressionAdded;
import dev.penguinmails.events.contacts.SuppressionRemoved;
import dev.penguinmails.events.domains.DomainDegraded;
import dev.penguinmails.events.domains.DomainEvents;
import dev.penguinmails.events.domains.DomainFailed;
import dev.penguinmails.events.domains.DomainRemoved;
import dev.penguinmails.events.domains.DomainVerified;
import dev.penguinmails.events.mailboxes.MailboxConnected;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxRemoved;
import dev.penguinmails.events.mailboxes.MailboxUpdated;
import dev.penguinmails.sending.quota.BillingCopies;
import dev.penguinmails.sending.suppression.SuppressionCopy;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code sending-copies}, fed by the rule of the same name: keeps sending's copies of
 * mailboxes and domains (from domains' events), of the suppression list (from contacts' events) and of the
 * workspace's plan and sending pause (from billing's, {@link BillingCopies}, decision 0065), each applied by version. {@code domain.added} is not taken: a domain counts for sending once it is verified.
 */
public class CopiesConsumer extends SqsEventConsumer<Record> {
    private static final Logger LOG = LoggerFactory.getLogger(CopiesConsumer.class);
    static final String ACTOR = "system:sending-copies";

    /** The constructor Lambda uses. */
    public CopiesConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public CopiesConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.SENDING_COPIES;
    }

    @Override
    protected Set<EventType<? extends Record>> eventTypes() {
        return Set.of(MailboxEvents.MAILBOX_CONNECTED, MailboxEvents.MAILBOX_UPDATED, MailboxEvents.MAILBOX_REMOVED,
                DomainEvents.DOMAIN_VERIFIED, DomainEvents.DOMAIN_DEGRADED, DomainEvents.DOMAIN_FAILED,
                DomainEvents.DOMAIN_REMOVED, ContactEvents.SUPPRESSION_ADDED, ContactEvents.SUPPRESSION_REMOVED,
                BillingEvents.PLAN_CHANGED, BillingEvents.SUBSCRIPTION_STATUS_CHANGED);
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        TenantContext tenant = TenantContext.system(event.workspaceId(), ACTOR);
        SenderCopies senders = applicationContext.getBean(SenderCopies.class);
        SuppressionCopy suppression = applicationContext.getBean(SuppressionCopy.class);
        BillingCopies billing = applicationContext.getBean(BillingCopies.class);
        boolean applied = event.payload() instanceof PlanChanged p ? billing.apply(event.workspaceId(), p)
                : event.payload() instanceof SubscriptionStatusChanged s ? billing.apply(event.workspaceId(), s)
                : apply(tenant, event.payload(), senders, suppression);
        LOG.info("{} {} for {}", applied ? "Applied" : "Skipped older", event.payload().getClass().getSimpleName(),
                event.workspaceId());
    }

    private static boolean apply(TenantContext tenant, Record payload, SenderCopies senders, SuppressionCopy suppression) {
        if (payload instanceof MailboxConnected c) {
            return senders.applyMailbox(tenant, c.state());
        } else if (payload instanceof MailboxUpdated u) {
            return senders.applyMailbox(tenant, u.state());
        } else if (payload instanceof MailboxRemoved r) {
            return senders.removeMailbox(tenant, r.mailboxId(), r.version());
        } else if (payload instanceof DomainVerified v) {
            return senders.applyDomain(tenant, v.state());
        } else if (payload instanceof DomainDegraded d) {
            return senders.applyDomain(tenant, d.state());
        } else if (payload instanceof DomainFailed f) {
            return senders.applyDomain(tenant, f.state());
        } else if (payload instanceof DomainRemoved r) {
            return senders.removeDomain(tenant, r.domain(), r.version());
        } else if (payload instanceof SuppressionAdded a) {
            return suppression.apply(tenant, a);
        } else if (payload instanceof SuppressionRemoved r) {
            return suppression.apply(tenant, r);
        }
        throw new IllegalArgumentException("not a copy event: " + payload.getClass());
    }
}
