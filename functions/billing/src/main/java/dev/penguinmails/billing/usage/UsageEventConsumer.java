package dev.penguinmails.billing.usage;

import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.quotas.QuotaService;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.mailboxes.MailboxConnected;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxRemoved;
import dev.penguinmails.events.usage.UsageEvents;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The SQS handler of queue {@code billing-usage}: counts the usage events of other families against the quotas.
 * Emails and contacts are counted up; mailboxes are kept per mailbox by the version of their {@code mailbox.*} event,
 * so the count is the number connected now.
 */
public class UsageEventConsumer extends SqsEventConsumer<Record> {
    public UsageEventConsumer() { }

    public UsageEventConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.BILLING_USAGE;
    }

    @Override
    protected Set<EventType<? extends Record>> eventTypes() {
        return Set.of(UsageEvents.EMAIL_SENT, UsageEvents.CONTACT_CREATED, MailboxEvents.MAILBOX_CONNECTED,
                MailboxEvents.MAILBOX_REMOVED);
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        QuotaService quotas = applicationContext.getBean(QuotaService.class);
        if (event.payload() instanceof MailboxConnected connected) {
            quotas.recordMailbox(event.workspaceId(), connected.state().mailboxId(), connected.state().version(), true);
        } else if (event.payload() instanceof MailboxRemoved removed) {
            quotas.recordMailbox(event.workspaceId(), removed.mailboxId(), removed.version(), false);
        } else {
            quotas.record(event.workspaceId(),
                    "email.sent".equals(event.type().detailType()) ? Metric.EMAILS_SENT : Metric.CONTACTS);
        }
    }
}
