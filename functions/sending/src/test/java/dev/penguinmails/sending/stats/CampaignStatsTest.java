package dev.penguinmails.sending.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.events.sending.EmailFailed;
import dev.penguinmails.events.sending.EmailUnsubscribed;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.events.usage.EmailSent;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingApiTest;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Campaign counters fed through the real rule, queue and consumer, read through the API. */
@MicronautTest
@Tag("integration")
class CampaignStatsTest extends SendingApiTest {

    @Test
    void countsEachEventOnceOverallPerStepAndPerVariantWithRates() {
        String ws = workspace();
        String campaign = created(Caller.owner(ws), ws, READY);
        CampaignSend a0 = send(campaign, 0, "var_a");
        CampaignSend b0 = send(campaign, 0, "var_b");
        CampaignSend a1 = send(campaign, 1, "var_a");
        var sentTwice = DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m1@acme.io", "mbx_1", a0));
        publish(sentTwice);
        publish(sentTwice);
        publish(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m2@acme.io", "mbx_1", a0)));
        publish(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m3@acme.io", "mbx_1", b0)));
        publish(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m4@acme.io", "mbx_1", a1)));
        publish(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m5@acme.io", "mbx_1")));
        publish(DomainEvent.create(SendingEvents.EMAIL_FAILED, ws, new EmailFailed("mbx_1", b0, true, "550 no such user")));
        publish(DomainEvent.create(SendingEvents.EMAIL_UNSUBSCRIBED, ws,
                new EmailUnsubscribed("m1@acme.io", a0, EmailHashes.of(ws, "ana@acme.io"), "one-click")));
        deliver();
        publish(sentTwice);
        deliver();

        Reply reply = http.get(campaigns(ws) + "/" + campaign + "/stats", Caller.of(ws, Role.VIEWER).headers());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode stats = reply.json();
        JsonNode overall = stats.get("overall");
        assertThat(overall.get("sent").asLong()).as("a redelivered event counts once; a send outside campaigns not at all")
                .isEqualTo(4);
        assertThat(overall.get("failed").asLong()).isEqualTo(1);
        assertThat(overall.get("unsubscribed").asLong()).isEqualTo(1);
        assertThat(overall.get("opened").asLong()).isZero();
        assertThat(overall.get("replied").asLong()).isZero();
        assertThat(overall.get("rates").get("unsubscribeRate").asDouble()).isEqualTo(0.25);
        assertThat(overall.get("rates").get("failureRate").asDouble()).isEqualTo(0.2);
        JsonNode steps = stats.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("step").asInt()).isZero();
        assertThat(steps.get(0).get("counts").get("sent").asLong()).isEqualTo(3);
        assertThat(steps.get(0).get("variants").get(0).get("variantId").asText()).isEqualTo("var_a");
        assertThat(steps.get(0).get("variants").get(0).get("counts").get("sent").asLong()).isEqualTo(2);
        assertThat(steps.get(0).get("variants").get(0).get("counts").get("rates").get("unsubscribeRate").asDouble())
                .isEqualTo(0.5);
        assertThat(steps.get(0).get("variants").get(1).get("counts").get("failed").asLong()).isEqualTo(1);
        assertThat(steps.get(1).get("counts").get("sent").asLong()).isEqualTo(1);
    }

    @Test
    void anotherWorkspaceSeesNothingAndAnUnknownCampaignIs404() {
        String ws = workspace();
        String other = workspace();
        String campaign = created(Caller.owner(ws), ws, READY);
        publish(DomainEvent.create(UsageEvents.EMAIL_SENT, ws, new EmailSent("m1@acme.io", "mbx_1", send(campaign, 0, "v"))));
        deliver();

        Reply fresh = http.get(campaigns(ws) + "/" + created(Caller.owner(ws), ws, READY) + "/stats",
                Caller.owner(ws).headers());
        Reply viaOther = http.get(campaigns(other) + "/" + campaign + "/stats", Caller.owner(other).headers());
        Reply notMember = http.get(campaigns(ws) + "/" + campaign + "/stats", Caller.owner(other).headers());
        Reply unknown = http.get(campaigns(ws) + "/cmp_01KBHY3B5C7D9E1F3G5H7J9K1P/stats", Caller.owner(ws).headers());

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("overall").get("sent").asLong()).isZero();
        assertThat(fresh.json().path("steps").size()).as("no steps counted yet").isZero();
        assertThat(viaOther.status()).isEqualTo(404);
        assertThat(notMember.status()).isIn(403, 404);
        assertThat(unknown.status()).isEqualTo(404);
    }

    private static CampaignSend send(String campaign, int step, String variant) {
        return new CampaignSend(campaign, "enr_" + step + variant, "con_1", step, variant);
    }

    private void publish(DomainEvent<?> event) {
        context.getBean(EventPublisher.class).publish(event);
    }

    private void deliver() {
        List<String> failed = QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_STATS)), new StatsConsumer(context)::execute);
        assertThat(failed).as("consumer failures").isEmpty();
    }
}
