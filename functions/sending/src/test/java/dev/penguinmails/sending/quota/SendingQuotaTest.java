package dev.penguinmails.sending.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.events.billing.SubscriptionStatusChanged;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.copies.CopiesConsumer;
import dev.penguinmails.sending.enrolments.Enrolment;
import dev.penguinmails.sending.scheduling.SchedulerJob;
import dev.penguinmails.sending.scheduling.SchedulerTick;
import dev.penguinmails.sending.sender.SendTask;
import dev.penguinmails.sending.sender.SenderWorker;
import dev.penguinmails.sending.sender.SendingQuota;
import dev.penguinmails.sending.sender.SendsConsumer;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sending quota from billing's events (decision 0065), with the real rules, queues and consumers (dynalite,
 * ElasticMQ, GreenMail): the plan's emails a month by version, exactly N sends for a limit of N however they race,
 * billing's pause and unpause, the tick enqueuing no more than the month allows, and one workspace's count never
 * touching another's.
 */
@MicronautTest
@Tag("integration")
class SendingQuotaTest extends SendingFlow {
    /** READY without gaps, so that the tick's tasks are not delayed. */
    private static final String NO_GAPS = READY.replace("\"sequence\":", "\"limits\":{\"dailyPerMailbox\":30,"
            + "\"gapMinSeconds\":0,\"gapMaxSeconds\":0},\"sequence\":");

    private SenderWorker worker() {
        return context.getBean(SenderWorker.class);
    }

    private SendingQuota quota() {
        return context.getBean(SendingQuota.class);
    }

    private record Campaign(String ws, String id, List<ContactState> contacts) {
        SendTask task(int contact) {
            return new SendTask(ws, Enrolment.id(id, contacts.get(contact).contactId()), 0, "mbx_smtp");
        }
    }

    /** A launched campaign from an SMTP mailbox (GreenMail) with {@code n} contacts enrolled, all due now. */
    private Campaign enrolled(String ws, String tag, int n) {
        smtpSender(ws, "mbx_smtp", "ana@mail.acme.io", "smtp");
        String campaign = launched(ws, NO_GAPS, "mbx_smtp");
        List<ContactState> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contacts.add(contact(ws, "con_" + tag + i, tag + i + "-" + System.nanoTime() + "@example.io", "Q" + i, null, 1));
        }
        assertThat(enrol(ws, campaign, contacts)).isEqualTo(n);
        return new Campaign(ws, campaign, contacts);
    }

    /** Billing's plan change on the bus, taken off {@code sending-copies} by the real consumer. */
    private void plan(String ws, int emailsPerMonth, long version) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(BillingEvents.PLAN_CHANGED, ws,
                new PlanChanged("starter", "free", "monthly", "active", new PlanLimits(3, 5000, emailsPerMonth, 1, 2),
                        null, null, version)));
        assertThat(QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_COPIES)), new CopiesConsumer(context)::execute))
                .as("sending-copies consumer failures").isEmpty();
    }

    /** Billing's subscription status change on the bus, taken off {@code sending-copies} by the real consumer. */
    private void subscription(String ws, boolean sendingPaused, long version) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(BillingEvents.SUBSCRIPTION_STATUS_CHANGED, ws,
                new SubscriptionStatusChanged("active", sendingPaused ? "past_due" : "active", "starter", sendingPaused,
                        version)));
        assertThat(QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_COPIES)),
                new CopiesConsumer(context)::execute)).as("sending-copies consumer failures").isEmpty();
    }

    private SchedulerTick.Summary tick() {
        return new SchedulerJob(context).execute(null);
    }

    private void deliverSends() {
        assertThat(QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS)), new SendsConsumer(context)::execute))
                .isEmpty();
    }

    private long sentThisMonth(String ws) {
        return context.getBean(MonthlySends.class).count(tenant(ws), clock.instant());
    }

    private static long landed(Campaign c) {
        return c.contacts().stream().mapToLong(x -> received(x.email()).size()).sum();
    }

    private List<SenderWorker.Outcome> race(List<SendTask> tasks) {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<CompletableFuture<SenderWorker.Result>> racing = tasks.stream()
                .map(task -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return worker().send(task);
                })).toList();
        return racing.stream().map(CompletableFuture::join).map(SenderWorker.Result::outcome).toList();
    }

    @Test
    void aPlanEventRaisesOrLowersTheMonthsEmailsByVersionAndAnOlderOneIsIgnored() {
        clockAt(Instant.parse("2027-05-03T10:00:00Z"));
        String ws = workspace();
        assertThat(quota().allowance(ws, clock.instant())).as("the free plan until billing publishes")
                .isEqualTo(new SendingQuota.Allowance(false, 1000));
        plan(ws, 3, 2);
        assertThat(quota().allowance(ws, clock.instant()).remaining()).isEqualTo(3);
        plan(ws, 500, 1);
        assertThat(quota().allowance(ws, clock.instant()).remaining()).as("an older plan changes nothing").isEqualTo(3);
        plan(ws, 1, 3);
        assertThat(quota().allowance(ws, clock.instant()).remaining()).as("lowered").isEqualTo(1);

        Campaign c = enrolled(ws, "plan", 2);
        assertThat(worker().send(c.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        SenderWorker.Result refused = worker().send(c.task(1));
        assertThat(refused.outcome()).as("deferred, not failed").isEqualTo(SenderWorker.Outcome.DEFERRED);
        assertThat(refused.detail()).isEqualTo("sending quota");
        assertThat(landed(c)).isEqualTo(1);

        plan(ws, 10, 4);
        assertThat(worker().send(c.task(1)).outcome()).as("raised").isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(landed(c)).isEqualTo(2);
        assertThat(quota().allowance(ws, clock.instant()).remaining()).isEqualTo(8);
    }

    @Test
    void exactlyNSendsLeaveForALimitOfNWhenTheyRaceAndALostClaimGivesItsPlaceBack() {
        clockAt(Instant.parse("2027-05-10T10:00:00Z"));
        String ws = workspace();
        plan(ws, 3, 1);
        Campaign c = enrolled(ws, "race", 6);
        List<SendTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(c.task(i));
        }
        List<SenderWorker.Outcome> outcomes = race(tasks);

        assertThat(outcomes.stream().filter(o -> o == SenderWorker.Outcome.SENT)).hasSize(3);
        assertThat(outcomes.stream().filter(o -> o == SenderWorker.Outcome.DEFERRED)).as("the rest wait").hasSize(3);
        assertThat(landed(c)).isEqualTo(3);
        assertThat(sentThisMonth(ws)).isEqualTo(3);
        assertThat(published("email.sent", ws)).as("the stats' email.sent path, once per send").hasSize(3);

        plan(ws, 6, 2);
        int waiting = outcomes.indexOf(SenderWorker.Outcome.DEFERRED);
        List<SenderWorker.Outcome> duplicates = race(List.of(c.task(waiting), c.task(waiting), c.task(waiting)));
        assertThat(duplicates).containsOnlyOnce(SenderWorker.Outcome.SENT);
        assertThat(received(c.contacts().get(waiting).email())).hasSize(1);
        assertThat(sentThisMonth(ws)).as("the deliveries that lost the claim gave their places back").isEqualTo(4);
        for (int i = 0; i < 6; i++) {
            worker().send(c.task(i));
        }
        assertThat(landed(c)).as("the rest once the plan allows them, none twice").isEqualTo(6);
        assertThat(c.contacts()).allSatisfy(x -> assertThat(received(x.email())).hasSize(1));
        assertThat(sentThisMonth(ws)).isEqualTo(6);
        assertThat(quota().allowance(ws, clock.instant()).allowsOne()).isFalse();
    }

    @Test
    void aPausedWorkspaceSendsNothingAndResumesAfterTheUnpause() {
        clockAt(Instant.parse("2027-05-17T10:00:00Z"));
        String ws = workspace();
        Campaign c = enrolled(ws, "pause", 2);
        subscription(ws, true, 2);

        SchedulerTick.Summary paused = tick();
        assertThat(paused.enqueued()).as("the tick enqueues nothing for a paused workspace").isZero();
        assertThat(paused.postponed()).isEqualTo(2);
        assertThat(worker().send(c.task(0)).outcome()).as("nor does the sender send").isEqualTo(SenderWorker.Outcome.DEFERRED);
        subscription(ws, false, 1);
        assertThat(worker().send(c.task(0)).outcome()).as("an older unpause changes nothing").isEqualTo(SenderWorker.Outcome.DEFERRED);
        deliverSends();
        assertThat(landed(c)).isZero();
        assertThat(sentThisMonth(ws)).isZero();

        subscription(ws, false, 3);
        clock.advance(Duration.ofMinutes(16));
        assertThat(tick().enqueued()).isEqualTo(2);
        deliverSends();
        assertThat(landed(c)).isEqualTo(2);
        assertThat(c.contacts()).allSatisfy(x -> assertThat(received(x.email())).hasSize(1));
        assertThat(published("email.sent", ws)).hasSize(2);
    }

    @Test
    void theTickEnqueuesNoMoreThanTheMonthAllows() {
        clockAt(Instant.parse("2027-05-24T10:00:00Z"));
        String ws = workspace();
        plan(ws, 2, 1);
        Campaign c = enrolled(ws, "tick", 4);
        SchedulerTick.Summary first = tick();
        assertThat(first.enqueued()).isEqualTo(2);
        assertThat(first.postponed()).isEqualTo(2);
        deliverSends();
        assertThat(landed(c)).isEqualTo(2);
        clock.advance(Duration.ofHours(2));
        assertThat(tick().enqueued()).as("the month is used up").isZero();
        deliverSends();
        assertThat(landed(c)).isEqualTo(2);
    }

    @Test
    void oneWorkspacesCountNeverTouchesAnothers() {
        clockAt(Instant.parse("2027-05-31T10:00:00Z"));
        String small = workspace();
        String other = workspace();
        plan(small, 1, 1);
        Campaign a = enrolled(small, "iso", 2);
        Campaign b = enrolled(other, "iso", 2);

        assertThat(worker().send(a.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(worker().send(a.task(1)).outcome()).isEqualTo(SenderWorker.Outcome.DEFERRED);
        assertThat(worker().send(b.task(0)).outcome()).as("another workspace's used-up month").isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(worker().send(b.task(1)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);

        assertThat(sentThisMonth(small)).isEqualTo(1);
        assertThat(sentThisMonth(other)).isEqualTo(2);
        assertThat(quota().allowance(small, clock.instant()).remaining()).isZero();
        assertThat(quota().allowance(other, clock.instant()).remaining()).as("the other keeps the free plan").isEqualTo(998);
        assertThat(MonthlySends.key(tenant(small), clock.instant()).get("pk").s()).startsWith("WS#" + small + "#");
        subscription(small, true, 1);
        assertThat(quota().allowance(other, clock.instant()).paused()).isFalse();
    }
}
