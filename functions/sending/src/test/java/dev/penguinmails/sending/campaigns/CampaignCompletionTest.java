package dev.penguinmails.sending.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.enrolments.Enrolment;
import dev.penguinmails.sending.enrolments.Enrolments;
import dev.penguinmails.sending.sender.SendTask;
import dev.penguinmails.sending.sender.SenderWorker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A launched campaign completes on its own (decision 0066): once its whole audience arrived and every enrolment
 * ended, it moves active → completed once and {@code campaign.completed} is published once; not a moment before.
 */
@MicronautTest
@Tag("integration")
class CampaignCompletionTest extends SendingFlow {

    private CampaignStatus status(String ws, String campaignId) {
        return context.getBean(CampaignStore.class).get(tenant(ws), campaignId).orElseThrow().status();
    }

    private SenderWorker.Outcome send(String ws, String campaignId, String contactId, int step) {
        return context.getBean(SenderWorker.class)
                .send(new SendTask(ws, Enrolment.id(campaignId, contactId), step, "mbx_smtp")).outcome();
    }

    private void chunk(String ws, String campaignId, int chunk, int chunks, List<ContactState> contacts) {
        context.getBean(Enrolments.class).apply(tenant(ws), new AudienceChunk(campaignId, 2, chunk, chunks, 2, contacts));
    }

    private void stop(String ws, String contactId) {
        context.getBean(Enrolments.class).stop(tenant(ws), contactId, "contact-deleted", false);
    }

    private String launchedCampaign(String ws) {
        smtpSender(ws, "mbx_smtp", "ana@mail.acme.io", "smtp");
        return launched(ws, READY, "mbx_smtp");
    }

    private static ContactState person(String ws, String id) {
        return contact(ws, id, id + "-" + System.nanoTime() + "@example.io", "Pat", null, 1);
    }

    @Test
    void aCampaignCompletesOnceWhenItsLastEnrolmentEnds() {
        clockAt(Instant.parse("2027-06-07T10:00:00Z"));
        String ws = workspace();
        String campaign = launchedCampaign(ws);
        List<ContactState> audience = List.of(person(ws, "con_a"), person(ws, "con_b"));
        assertThat(enrol(ws, campaign, audience)).isEqualTo(2);
        assertThat(enrol(ws, campaign, audience)).as("a redelivered chunk enrols nothing").isZero();

        assertThat(send(ws, campaign, "con_a", 0)).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(send(ws, campaign, "con_b", 0)).isEqualTo(SenderWorker.Outcome.SENT);
        stop(ws, "con_b");
        assertThat(status(ws, campaign)).as("one enrolment still has a step left").isEqualTo(CampaignStatus.ACTIVE);
        assertThat(published("campaign.completed", ws)).isEmpty();

        clock.advance(Duration.ofDays(3));
        assertThat(send(ws, campaign, "con_a", 1)).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(status(ws, campaign)).isEqualTo(CampaignStatus.COMPLETED);
        List<PublishedEvent> completed = published("campaign.completed", ws);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).detail()).contains("\"campaignId\":\"" + campaign + "\"").contains("\"enrolments\":2");

        context.getBean(CampaignCompletion.class).check(tenant(ws), campaign);
        stop(ws, "con_a");
        assertThat(published("campaign.completed", ws)).as("exactly once").hasSize(1);
        assertThat(status(ws, campaign)).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void notBeforeEveryChunkArrivedAndEveryEnrolmentEnded() {
        clockAt(Instant.parse("2027-06-14T10:00:00Z"));
        String ws = workspace();
        String campaign = launchedCampaign(ws);
        chunk(ws, campaign, 0, 2, List.of(person(ws, "con_c")));
        stop(ws, "con_c");
        assertThat(status(ws, campaign)).as("the second chunk has not arrived").isEqualTo(CampaignStatus.ACTIVE);

        chunk(ws, campaign, 1, 2, List.of(person(ws, "con_d")));
        chunk(ws, campaign, 1, 2, List.of(person(ws, "con_d")));
        assertThat(status(ws, campaign)).as("con_d has both steps left").isEqualTo(CampaignStatus.ACTIVE);

        stop(ws, "con_d");
        assertThat(status(ws, campaign)).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(published("campaign.completed", ws)).hasSize(1);
    }

    @Test
    void anEmptyAudienceCompletesAsItArrives() {
        clockAt(Instant.parse("2027-06-21T10:00:00Z"));
        String ws = workspace();
        String campaign = launchedCampaign(ws);
        assertThat(status(ws, campaign)).isEqualTo(CampaignStatus.ACTIVE);
        chunk(ws, campaign, 0, 1, List.of());
        assertThat(status(ws, campaign)).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(published("campaign.completed", ws)).hasSize(1);
        assertThat(published("campaign.completed", ws).get(0).detail()).contains("\"enrolments\":0");
    }
}
