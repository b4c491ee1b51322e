package dev.penguinmails.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.usage.EmailSent;
import dev.penguinmails.events.mailboxes.MailboxConnected;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxRemoved;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.shared.ids.Ids;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The {@code billing-usage} consumer: each usage event counts once, in the right metric and period. */
@MicronautTest
@Tag("integration")
class UsageEventConsumerTest extends UsageStackTest {
    @Inject
    UsageCounters counters;

    private String calendarMonth(String workspaceId) {
        return UsagePeriods.periodStart(BillingAccount.fresh(workspaceId, "free"), Instant.now()).toString();
    }

    @Test
    void eachUsageEventCountsInItsMetric() {
        String ws = Ids.newId("ws");
        stack.publishAndConsume(context, List.of(
                DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("msg_1", "mbx_1")),
                DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("msg_2", "mbx_1")),
                DomainEvent.create(UsageEvents.CONTACT_CREATED, ws, contact(ws, "con_1")),
                DomainEvent.create(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(new MailboxState(
                        "mbx_5f1c0a9e2b7d4c3a8e6f1b2d3c4a5e6f", "ana@acme.com", "acme.com", null, "ses", "connected", true, 30,
                        false, 1, 0, null, null, null, null, 1)))));

        assertThat(counters.get(ws, Metric.EMAILS_SENT, calendarMonth(ws))).isEqualTo(2L);
        assertThat(counters.get(ws, Metric.CONTACTS, UsagePeriods.TOTAL)).isEqualTo(1L);
        assertThat(counters.get(ws, Metric.MAILBOXES, UsagePeriods.TOTAL)).isEqualTo(1L);
        // Emails are counted per period, contacts and mailboxes as they stand.
        assertThat(counters.get(ws, Metric.EMAILS_SENT, UsagePeriods.TOTAL)).isZero();
        assertThat(counters.get(ws, Metric.CONTACTS, calendarMonth(ws))).isZero();
    }

    @Test
    void mailboxesCountAsTheyStandSoRemovingAndConnectingAgainCountsOnce() {
        String ws = Ids.newId("ws");
        String ana = "mbx_5f1c0a9e2b7d4c3a8e6f1b2d3c4a5e6f";
        String bo = "mbx_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        stack.publishAndConsume(context, List.of(connected(ws, ana, 1), connected(ws, bo, 1)));
        assertThat(counters.get(ws, Metric.MAILBOXES, UsagePeriods.TOTAL)).isEqualTo(2L);

        stack.publishAndConsume(context, List.of(removed(ws, ana, 2)));
        assertThat(counters.get(ws, Metric.MAILBOXES, UsagePeriods.TOTAL)).isEqualTo(1L);

        stack.publishAndConsume(context, List.of(connected(ws, ana, 3)));
        assertThat(counters.get(ws, Metric.MAILBOXES, UsagePeriods.TOTAL)).as("ana counted once").isEqualTo(2L);
    }

    @Test
    void mailboxEventsApplyByVersionWhateverTheirOrderAndHoweverOftenTheyArrive() {
        String ws = Ids.newId("ws");
        String ana = "mbx_5f1c0a9e2b7d4c3a8e6f1b2d3c4a5e6f";
        DomainEvent<MailboxRemoved> removal = removed(ws, ana, 2);
        // The removal overtakes the connection; then both come again (a relay may publish twice).
        stack.publishAndConsume(context, List.of(removal));
        stack.publishAndConsume(context, List.of(connected(ws, ana, 1)));
        stack.publishAndConsume(context, List.of(removal, connected(ws, ana, 1)));

        assertThat(counters.get(ws, Metric.MAILBOXES, UsagePeriods.TOTAL)).isZero();
        assertThat(counters.get(Ids.newId("ws"), Metric.MAILBOXES, UsagePeriods.TOTAL)).isZero();

        stack.publishAndConsume(context, List.of(connected(ws, ana, 3), connected(ws, ana, 3)));
        assertThat(counters.get(ws, Metric.MAILBOXES, UsagePeriods.TOTAL)).isEqualTo(1L);
        assertThat(stack.published("billing.quota.exceeded", ws)).as("the free plan's one mailbox").hasSize(1);
    }

    private static DomainEvent<MailboxConnected> connected(String ws, String mailboxId, long version) {
        return DomainEvent.create(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(new MailboxState(mailboxId,
                "ana@acme.com", "acme.com", null, "ses", "connected", true, 30, false, 1, 0, null, null, null, null,
                version)));
    }

    private static DomainEvent<MailboxRemoved> removed(String ws, String mailboxId, long version) {
        return DomainEvent.create(MailboxEvents.MAILBOX_REMOVED, ws, new MailboxRemoved(mailboxId, "ana@acme.com", version));
    }

    @Test
    void aRedeliveredMessageCountsOnce() {
        String ws = Ids.newId("ws");
        stack.publish(context, DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("msg_1", "mbx_1")));
        List<Message> messages = stack.takeUsageMessages();
        assertThat(messages).hasSize(1);

        UsageTestStack.consume(context, messages);
        UsageTestStack.consume(context, messages);

        assertThat(counters.get(ws, Metric.EMAILS_SENT, calendarMonth(ws))).isEqualTo(1L);
    }

    @Test
    void theSameEventIdPublishedTwiceCountsOnce() {
        String ws = Ids.newId("ws");
        DomainEvent<ContactCreated> event = DomainEvent.create(UsageEvents.CONTACT_CREATED, ws, contact(ws, "con_1"));
        stack.publishAndConsume(context, List.of(event, event, DomainEvent.create(UsageEvents.CONTACT_CREATED, ws,
                contact(ws, "con_2"))));

        assertThat(counters.get(ws, Metric.CONTACTS, UsagePeriods.TOTAL)).isEqualTo(2L);
    }

    @Test
    void withASubscriptionEmailsCountInItsPeriod() {
        String ws = Ids.newId("ws");
        Instant periodStart = Instant.now().minusSeconds(86_400L * 3);
        UsageTestStack.recordAccount(context, new BillingAccount(ws, "cus_1", "sub_1", "growth", "monthly", "active", 0,
                periodStart, periodStart.plusSeconds(86_400L * 30), false, null, null, null, null, false, Instant.now(), 1L));

        stack.publishAndConsume(context, List.of(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m", "b"))));

        assertThat(counters.get(ws, Metric.EMAILS_SENT, periodStart.toString())).isEqualTo(1L);
        assertThat(counters.get(ws, Metric.EMAILS_SENT, calendarMonth(ws))).isZero();
    }

    /** A {@code contact.created} payload as contacts publishes it. */
    private static ContactCreated contact(String workspaceId, String id) {
        String email = id + "@example.com";
        return new ContactCreated(id, new ContactState(id, email, EmailHashes.of(workspaceId, email), null, null, null,
                null, null, null, List.of(), List.of(), "api", "active", 1));
    }
}
