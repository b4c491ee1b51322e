package dev.penguinmails.billing.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.usage.UsageCounters;
import dev.penguinmails.billing.usage.UsagePeriods;
import dev.penguinmails.billing.usage.UsageStackTest;
import dev.penguinmails.billing.usage.UsageTestStack;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.usage.EmailSent;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.shared.ids.Ids;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Quota events: {@code billing.quota.warning} when usage reaches exactly 80% of the limit and
 * {@code billing.quota.exceeded} at 100%, each published once, however often the usage event is delivered.
 * Counters start near the threshold so the tests do not send a thousand events.
 */
@MicronautTest
@Tag("integration")
class QuotaEventsTest extends UsageStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Inject
    UsageCounters counters;

    private static String month(String ws) {
        return UsagePeriods.periodStart(BillingAccount.fresh(ws, "free"), Instant.now()).toString();
    }

    private void sendEmails(String ws, int count) {
        for (int i = 0; i < count; i++) {
            stack.publishAndConsume(context, List.of(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m" + i, "b"))));
        }
    }

    private static JsonNode detail(PublishedEvent event) {
        try {
            return JSON.readTree(event.detail());
        } catch (IOException e) {
            throw new AssertionError(event.detail(), e);
        }
    }

    @Test
    void theWarningGoesOutAtExactlyEightyPercentOfTheFreePlansEmails() {
        String ws = Ids.newId("ws");
        // The free plan sends 1,000 emails a month: the warning is due at the 800th.
        counters.add(ws, Metric.EMAILS_SENT, month(ws), 798L);

        sendEmails(ws, 1);
        assertThat(stack.published("billing.quota.warning", ws)).as("at 799").isEmpty();

        sendEmails(ws, 1);
        List<PublishedEvent> warnings = stack.published("billing.quota.warning", ws);
        assertThat(warnings).as("at 800").hasSize(1);
        JsonNode payload = detail(warnings.get(0));
        assertThat(payload.toString()).contains("\"metric\":\"emails_sent\"", "\"used\":800", "\"limit\":1000",
                "\"periodStart\":\"" + month(ws) + "\"");
        assertThat(stack.published("billing.quota.exceeded", ws)).isEmpty();

        sendEmails(ws, 2);
        assertThat(stack.published("billing.quota.warning", ws)).as("still one after 802").hasSize(1);
    }

    @Test
    void exceededGoesOutOnceAtTheLimit() {
        String ws = Ids.newId("ws");
        counters.add(ws, Metric.EMAILS_SENT, month(ws), 998L);

        sendEmails(ws, 1);
        assertThat(stack.published("billing.quota.exceeded", ws)).as("at 999").isEmpty();
        sendEmails(ws, 1);
        assertThat(stack.published("billing.quota.exceeded", ws)).as("at 1000").hasSize(1);
        assertThat(detail(stack.published("billing.quota.exceeded", ws).get(0)).toString())
                .contains("\"used\":1000", "\"limit\":1000");
        sendEmails(ws, 3);
        assertThat(stack.published("billing.quota.exceeded", ws)).as("after 1003").hasSize(1);
        // Already past 80%, so no warning was owed on the way.
        assertThat(stack.published("billing.quota.warning", ws)).isEmpty();
    }

    @Test
    void duplicatesOfTheCrossingEventPublishOnce() {
        String ws = Ids.newId("ws");
        // Contacts on the free plan: 500, warned at 400.
        counters.add(ws, Metric.CONTACTS, UsagePeriods.TOTAL, 399L);
        DomainEvent<ContactCreated> crossing = DomainEvent.create(UsageEvents.CONTACT_CREATED, ws, contact(ws, "con_400"));
        stack.publish(context, crossing);
        stack.publish(context, crossing);
        List<Message> messages = stack.takeUsageMessages();
        assertThat(messages).hasSize(2);

        UsageTestStack.consume(context, messages);
        UsageTestStack.consume(context, messages);

        assertThat(counters.get(ws, Metric.CONTACTS, UsagePeriods.TOTAL)).isEqualTo(400L);
        assertThat(stack.published("billing.quota.warning", ws)).hasSize(1);
    }

    @Test
    void aPaidPlansLimitsAndAddOnMailboxesSetTheThresholds() {
        String ws = Ids.newId("ws");
        Instant start = Instant.now().minusSeconds(3_600L);
        // Starter allows 3 mailboxes; two extra make 5, so the warning is due at 4 and exceeded at 5.
        UsageTestStack.recordAccount(context, new BillingAccount(ws, "cus_1", "sub_1", "starter", "monthly", "active", 2,
                start, start.plusSeconds(86_400L * 30), false, null, null, null, null, false, Instant.now(), 1L));
        QuotaService quotas = context.getBean(QuotaService.class);
        quotas.recordMailbox(ws, "mbx_1", 1, true);
        quotas.recordMailbox(ws, "mbx_2", 1, true);

        assertThat(quotas.recordMailbox(ws, "mbx_3", 1, true)).isEqualTo(3L);
        assertThat(stack.published("billing.quota.warning", ws)).isEmpty();
        assertThat(quotas.recordMailbox(ws, "mbx_4", 1, true)).isEqualTo(4L);
        assertThat(stack.published("billing.quota.warning", ws)).hasSize(1);
        assertThat(stack.published("billing.quota.exceeded", ws)).isEmpty();
        // A removed mailbox frees its place; taking it again reaches 80% again, which warns again.
        assertThat(quotas.recordMailbox(ws, "mbx_4", 2, false)).isEqualTo(3L);
        assertThat(quotas.recordMailbox(ws, "mbx_4", 3, true)).isEqualTo(4L);
        assertThat(stack.published("billing.quota.warning", ws)).hasSize(2);
        assertThat(quotas.recordMailbox(ws, "mbx_5", 1, true)).isEqualTo(5L);
        assertThat(stack.published("billing.quota.exceeded", ws)).hasSize(1);
        assertThat(detail(stack.published("billing.quota.exceeded", ws).get(0)).toString()).contains("\"limit\":5");
    }

    @Test
    void warningAtIsEightyPercentRoundedUp() {
        assertThat(QuotaService.warningAt(1000)).isEqualTo(800);
        assertThat(QuotaService.warningAt(500)).isEqualTo(400);
        assertThat(QuotaService.warningAt(15)).isEqualTo(12);
        assertThat(QuotaService.warningAt(3)).isEqualTo(3);
        assertThat(QuotaService.warningAt(16)).isEqualTo(13);
    }

    /** A {@code contact.created} payload as contacts publishes it. */
    private static ContactCreated contact(String workspaceId, String id) {
        String email = id + "@example.com";
        return new ContactCreated(id, new ContactState(id, email, EmailHashes.of(workspaceId, email), null, null, null,
                null, null, null, List.of(), List.of(), "api", "active", 1));
    }
}
