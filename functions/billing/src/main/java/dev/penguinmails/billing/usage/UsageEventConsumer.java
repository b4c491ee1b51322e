package dev.penguinmails.billing.usage;

import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.quotas.QuotaService;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.usage.UsageEvents;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The SQS handler of queue {@code billing-usage}: counts the usage events of other families against the quotas.
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
        return Set.of(UsageEvents.EMAIL_SENT, UsageEvents.CONTACT_CREATED, MailboxEvents.MAILBOX_CONNECTED);
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        Metric metric = switch (event.type().detailType()) {
            case "email.sent" -> Metric.EMAILS_SENT;
            case "contact.created" -> Metric.CONTACTS;
            default -> Metric.MAILBOXES;
        };
        applicationContext.getBean(QuotaService.class).record(event.workspaceId(), metric);
    }
}
