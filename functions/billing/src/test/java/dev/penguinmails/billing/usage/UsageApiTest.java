package dev.penguinmails.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.usage.EmailSent;
import dev.penguinmails.events.mailboxes.MailboxConnected;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code GET .../billing/usage} and {@code GET .../billing}: usage as counted, against the limits in force. */
@MicronautTest
@Tag("integration")
class UsageApiTest extends UsageStackTest {
    @Inject
    EmbeddedServer server;
    @Inject
    UsageCounters counters;

    private TestHttp api;

    @BeforeEach
    void api() {
        api = new TestHttp(server.getURL());
    }

    private static Map<String, JsonNode> byMetric(JsonNode usage) {
        Map<String, JsonNode> metrics = new HashMap<>();
        usage.get("metrics").forEach(m -> metrics.put(m.get("metric").asText(), m));
        return metrics;
    }

    @Test
    void aWorkspaceWithoutSubscriptionSeesItsCountsAgainstTheFreePlan() {
        String ws = Ids.newId("ws");
        stack.publishAndConsume(context, List.of(
                DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m1", "b1")),
                DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m2", "b1")),
                DomainEvent.create(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(new MailboxState(
                        "mbx_5f1c0a9e2b7d4c3a8e6f1b2d3c4a5e6f", "ana@acme.com", "acme.com", null, "ses", "connected", true, 30,
                        false, 1, 0, null, null, null, null, 1)))));

        TestHttp.Reply reply = api.get("/v1/workspaces/" + ws + "/billing/usage", UsageTestStack.ownerOf(ws));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode usage = reply.json();
        assertThat(usage.get("planId").asText()).isEqualTo("free");
        assertThat(Instant.parse(usage.get("periodStart").asText()))
                .isEqualTo(UsagePeriods.periodStart(BillingAccount.fresh(ws, "free"), Instant.now()));
        Map<String, JsonNode> metrics = byMetric(usage);
        assertThat(metrics).containsOnlyKeys("emails_sent", "contacts", "mailboxes", "seats");
        assertThat(metrics.get("emails_sent").get("used").asLong()).isEqualTo(2L);
        assertThat(metrics.get("emails_sent").get("limit").asLong()).isEqualTo(1000L);
        assertThat(metrics.get("emails_sent").get("warningAt").asLong()).isEqualTo(800L);
        assertThat(metrics.get("emails_sent").get("perPeriod").asBoolean()).isTrue();
        assertThat(metrics.get("mailboxes").get("used").asLong()).isEqualTo(1L);
        assertThat(metrics.get("mailboxes").get("limit").asLong()).isEqualTo(1L);
        assertThat(metrics.get("mailboxes").get("perPeriod").asBoolean()).isFalse();
        assertThat(metrics.get("contacts").get("used").asLong()).isZero();
        assertThat(metrics.get("contacts").get("limit").asLong()).isEqualTo(500L);
    }

    @Test
    void aSubscribedWorkspaceSeesItsPlansLimitsAndOnlyThisPeriodsEmails() {
        String ws = Ids.newId("ws");
        Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant previous = start.minus(30, ChronoUnit.DAYS);
        UsageTestStack.recordAccount(context, new BillingAccount(ws, "cus_1", "sub_1", "growth", "monthly", "active", 3,
                start, start.plus(30, ChronoUnit.DAYS), false, null, null, null, null, false, Instant.now(), 1L));
        counters.add(ws, Metric.EMAILS_SENT, previous.toString(), 9_000L);
        counters.add(ws, Metric.EMAILS_SENT, start.toString(), 120L);

        TestHttp.Reply usage = api.get("/v1/workspaces/" + ws + "/billing/usage", UsageTestStack.ownerOf(ws));
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        assertThat(usage.json().get("planId").asText()).isEqualTo("growth");
        assertThat(Instant.parse(usage.json().get("periodStart").asText())).isEqualTo(start);
        Map<String, JsonNode> metrics = byMetric(usage.json());
        assertThat(metrics.get("emails_sent").get("used").asLong()).isEqualTo(120L);
        assertThat(metrics.get("emails_sent").get("limit").asLong()).isEqualTo(100_000L);
        // Growth's 15 mailboxes and 3 bought on top.
        assertThat(metrics.get("mailboxes").get("limit").asLong()).isEqualTo(18L);

        TestHttp.Reply billing = api.get("/v1/workspaces/" + ws + "/billing", UsageTestStack.ownerOf(ws));
        assertThat(billing.status()).as(billing.body()).isEqualTo(200);
        assertThat(billing.json().get("planId").asText()).isEqualTo("growth");
        assertThat(billing.json().get("limits").get("mailboxes").asInt()).isEqualTo(18);
        assertThat(billing.json().get("limits").get("emailsPerMonth").asInt()).isEqualTo(100_000);
    }

    @Test
    void anotherWorkspacesUsageIsNotShown() {
        String ws = Ids.newId("ws");
        TestHttp.Reply reply = api.get("/v1/workspaces/" + ws + "/billing/usage", UsageTestStack.ownerOf(Ids.newId("ws")));
        assertThat(reply.status()).isEqualTo(404);

        TestHttp.Reply anonymous = api.get("/v1/workspaces/" + ws + "/billing/usage");
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
