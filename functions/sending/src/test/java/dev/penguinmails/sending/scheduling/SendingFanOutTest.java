package dev.penguinmails.sending.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.enrolments.EnrolmentsConsumer;
import dev.penguinmails.sending.sender.SendsConsumer;
import dev.penguinmails.sending.sends.SentMessages;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole fan-out inside the module, through the real rule, queues and handlers: launch, an audience chunk as
 * contacts publishes it, the scheduler tick, the send tasks, and the emails in GreenMail; windows, caps, the pool.
 */
@MicronautTest
@Tag("integration")
class SendingFanOutTest extends SendingFlow {
    /** READY without gaps (a delayed SQS message would outlast the test's drain) and the given caps. */
    private static String campaign(int perMailbox, Integer perCampaign) {
        return READY.replace("\"sequence\":", "\"limits\":{\"dailyPerMailbox\":" + perMailbox
                + (perCampaign == null ? "" : ",\"dailyPerCampaign\":" + perCampaign)
                + ",\"gapMinSeconds\":0,\"gapMaxSeconds\":0},\"sequence\":");
    }

    private void deliverEnrolments() {
        assertThat(QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_ENROLMENTS)), new EnrolmentsConsumer(context)::execute))
                .isEmpty();
    }

    private SchedulerTick.Summary tick() {
        return new SchedulerJob(context).execute(null);
    }

    private void deliverSends() {
        assertThat(QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS)), new SendsConsumer(context)::execute))
                .isEmpty();
    }

    private List<ContactState> audience(String ws, String tag, int n) {
        List<ContactState> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contacts.add(contact(ws, "con_" + tag + i, tag + i + "-" + System.nanoTime() + "@example.io", "P" + i, null, 1));
        }
        return contacts;
    }

    private void chunk(String ws, String campaign, List<ContactState> contacts) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ws,
                new AudienceChunk(campaign, 2, 0, 1, contacts.size(), contacts)));
        deliverEnrolments();
    }

    private static long landed(List<ContactState> contacts) {
        return contacts.stream().mapToLong(c -> received(c.email()).size()).sum();
    }

    @Test
    void launchChunkTickAndSendsDeliverTheFirstStepAcrossThePoolThenTheThreadedFollowUp() throws Exception {
        String ws = workspace();
        clockAt(MONDAY_10);
        smtpSender(ws, "mbx_a", "ana@mail.acme.io", "smtp");
        smtpSender(ws, "mbx_b", "bo@mail.acme.io", "smtp");
        String campaign = launched(ws, campaign(30, null), "mbx_a", "mbx_b");
        List<ContactState> contacts = audience(ws, "flow", 4);
        chunk(ws, campaign, contacts);

        assertThat(tick().enqueued()).isEqualTo(4);
        assertThat(tick().enqueued()).as("nothing is scheduled twice").isZero();
        deliverSends();
        assertThat(landed(contacts)).isEqualTo(4);
        Map<String, Long> perMailbox = contacts.stream().map(c -> received(c.email()).get(0))
                .collect(Collectors.groupingBy(SendingFanOutTest::from, Collectors.counting()));
        assertThat(perMailbox).as("spread across the pool").containsEntry("ana@mail.acme.io", 2L).containsEntry("bo@mail.acme.io", 2L);

        clock.advance(Duration.ofDays(2));
        assertThat(tick().enqueued()).as("the follow-up waits 3 business days").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(tick().enqueued()).isEqualTo(4);
        deliverSends();
        for (ContactState c : contacts) {
            List<MimeMessage> thread = received(c.email());
            assertThat(thread).hasSize(2);
            MimeMessage first = thread.stream().filter(m -> header(m, "In-Reply-To") == null).findFirst().orElseThrow();
            MimeMessage second = thread.stream().filter(m -> header(m, "In-Reply-To") != null).findFirst().orElseThrow();
            assertThat(second.getSubject()).isEqualTo("Re: " + first.getSubject());
            assertThat(header(second, "In-Reply-To")).isEqualTo(first.getMessageID());
            assertThat(from(second)).as("the conversation's mailbox").isEqualTo(from(first));
            assertThat(context.getBean(SentMessages.class).find(ws, second.getMessageID().replaceAll("[<>]", ""))).isPresent();
        }
    }

    @Test
    void aTickOutsideTheWindowSendsNothingAndTheWorkWaitsForItsOpening() {
        String ws = workspace();
        clockAt(Instant.parse("2027-01-09T10:00:00Z")); // a Saturday; each test has its own weeks, so no test sees another's work
        smtpSender(ws, "mbx_a", "ana@mail.acme.io", "smtp");
        String campaign = launched(ws, campaign(30, null), "mbx_a");
        List<ContactState> contacts = audience(ws, "window", 2);
        chunk(ws, campaign, contacts);

        assertThat(tick().enqueued()).isZero();
        clock.advance(Duration.ofHours(12));
        assertThat(tick().enqueued()).as("still Saturday night").isZero();
        clock.advance(Duration.ofDays(1).plusHours(11)); // Monday 09:00 UTC
        assertThat(tick().enqueued()).isEqualTo(2);
        deliverSends();
        assertThat(landed(contacts)).isEqualTo(2);
    }

    @Test
    void capsPerMailboxAndPerCampaignStopTheDaysSends() {
        String ws = workspace();
        clockAt(Instant.parse("2027-02-01T10:00:00Z"));
        smtpSender(ws, "mbx_a", "ana@mail.acme.io", "smtp");
        smtpSender(ws, "mbx_b", "bo@mail.acme.io", "smtp");
        String perMailbox = launched(ws, campaign(1, null), "mbx_a", "mbx_b");
        List<ContactState> contacts = audience(ws, "cap", 3);
        chunk(ws, perMailbox, contacts);
        assertThat(tick().enqueued()).as("one a mailbox a day").isEqualTo(2);
        deliverSends();
        assertThat(landed(contacts)).isEqualTo(2);
        assertThat(tick().enqueued()).isZero();

        String ws2 = workspace();
        smtpSender(ws2, "mbx_a", "ana@mail.acme.io", "smtp");
        String perCampaign = launched(ws2, campaign(30, 1), "mbx_a");
        List<ContactState> others = audience(ws2, "capc", 3);
        chunk(ws2, perCampaign, others);
        assertThat(tick().enqueued()).as("one for the campaign a day").isEqualTo(1);
        deliverSends();
        assertThat(landed(others)).isEqualTo(1);
    }

    @Test
    void aPausedCampaignSendsNothingAndResumesWhereItStopped() {
        String ws = workspace();
        clockAt(Instant.parse("2027-03-01T10:00:00Z"));
        smtpSender(ws, "mbx_a", "ana@mail.acme.io", "smtp");
        String campaign = launched(ws, campaign(30, null), "mbx_a");
        List<ContactState> contacts = audience(ws, "pause", 2);
        chunk(ws, campaign, contacts);
        Caller owner = Caller.owner(ws);
        http.post(campaigns(ws) + "/" + campaign + "/pause", "{}", owner.headers());
        assertThat(tick().enqueued()).isZero();
        deliverSends();
        assertThat(landed(contacts)).isZero();

        http.post(campaigns(ws) + "/" + campaign + "/resume", "{}", owner.headers());
        clock.advance(Duration.ofMinutes(16));
        assertThat(tick().enqueued()).isEqualTo(2);
        deliverSends();
        assertThat(landed(contacts)).isEqualTo(2);
    }

    private static String from(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
