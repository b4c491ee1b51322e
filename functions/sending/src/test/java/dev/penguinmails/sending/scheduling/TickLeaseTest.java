package dev.penguinmails.sending.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.sender.SendsConsumer;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scheduler tick's lease against the real dynalite (decision 0064): two ticks at once do the work once, an
 * expired lease is taken over, and only the owner's release frees it.
 */
@MicronautTest
@Tag("integration")
class TickLeaseTest extends SendingFlow {

    @AfterEach
    void noHook() {
        context.getBean(SchedulerTick.class).whileLeased(null);
    }

    private SchedulerTick.Summary tick() {
        return new SchedulerJob(context).execute(null);
    }

    private TickLease lease() {
        return context.getBean(TickLease.class);
    }

    /** A launched campaign without gaps and {@code n} enrolled contacts, all due now. */
    private List<ContactState> due(int n) {
        String ws = workspace();
        smtpSender(ws, "mbx_a", "ana@mail.acme.io", "smtp");
        String campaign = launched(ws, READY.replace("\"sequence\":", "\"limits\":{\"dailyPerMailbox\":30,"
                + "\"gapMinSeconds\":0,\"gapMaxSeconds\":0},\"sequence\":"), "mbx_a");
        List<ContactState> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contacts.add(contact(ws, "con_lease" + i, "lease" + i + "-" + System.nanoTime() + "@example.io", "L" + i, null, 1));
        }
        assertThat(enrol(ws, campaign, contacts)).isEqualTo(n);
        return contacts;
    }

    private int deliverSends() {
        int[] messages = {0};
        assertThat(QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS)), batch -> {
                    messages[0] += batch.getRecords().size();
                    return new SendsConsumer(context).execute(batch);
                })).isEmpty();
        return messages[0];
    }

    @Test
    void twoTicksAtOnceDoTheWorkOnceTheOtherSkipsAtOnce() throws Exception {
        clockAt(Instant.parse("2027-04-05T10:00:00Z"));
        List<ContactState> contacts = due(3);
        CountDownLatch leased = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        context.getBean(SchedulerTick.class).whileLeased(() -> {
            if (first.getAndSet(false)) {
                leased.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CompletableFuture<SchedulerTick.Summary> slow = CompletableFuture.supplyAsync(this::tick);
        assertThat(leased.await(30, TimeUnit.SECONDS)).as("the first tick took the lease").isTrue();

        long started = System.nanoTime();
        SchedulerTick.Summary overlapping = tick();
        assertThat(overlapping.skipped()).isTrue();
        assertThat(overlapping.due()).isZero();
        assertThat(overlapping.enqueued()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("returns at once").isLessThan(Duration.ofSeconds(5));

        goOn.countDown();
        SchedulerTick.Summary owner = slow.get(60, TimeUnit.SECONDS);
        assertThat(owner.skipped()).isFalse();
        assertThat(owner.enqueued()).isEqualTo(3);
        assertThat(lease().owner()).as("released when done").isEmpty();
        assertThat(deliverSends()).as("each due send queued once").isEqualTo(3);
        assertThat(contacts).allSatisfy(c -> assertThat(received(c.email())).hasSize(1));

        SchedulerTick.Summary next = tick();
        assertThat(next.skipped()).as("the next tick takes the free lease").isFalse();
        assertThat(next.enqueued()).isZero();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndALiveOneIsNot() {
        clockAt(Instant.parse("2027-04-12T10:00:00Z"));
        List<ContactState> contacts = due(1);
        Instant now = Instant.now();
        TickLease crashed = new TickLease(dynamo(), table(), Duration.ofSeconds(75),
                Clock.fixed(now.minus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        TickLease.Held stale = crashed.take().orElseThrow();

        SchedulerTick.Summary took = tick();
        assertThat(took.skipped()).as("a crashed tick's lease has expired").isFalse();
        assertThat(took.enqueued()).isEqualTo(1);
        assertThat(crashed.release(stale)).as("the crashed tick no longer owns it").isFalse();
        assertThat(deliverSends()).isEqualTo(1);
        assertThat(received(contacts.get(0).email())).hasSize(1);

        TickLease running = new TickLease(dynamo(), table(), Duration.ofSeconds(75), Clock.systemUTC());
        TickLease.Held live = running.take().orElseThrow();
        assertThat(tick().skipped()).as("a live lease holds").isTrue();
        assertThat(running.release(live)).isTrue();
        assertThat(tick().skipped()).isFalse();
    }

    @Test
    void aReleaseByAnotherThanTheOwnerChangesNothing() {
        clockAt(Instant.parse("2027-04-19T10:00:00Z"));
        TickLease.Held mine = lease().take().orElseThrow();
        assertThat(lease().length()).as("above the function's timeout").isGreaterThan(Duration.ofSeconds(60));
        assertThat(mine.expiresAt()).isAfter(Instant.now().plusSeconds(60));

        assertThat(lease().release(new TickLease.Held("someone-else", mine.expiresAt()))).isFalse();
        assertThat(lease().owner()).contains(mine.owner());
        assertThat(lease().take()).as("still held").isEmpty();
        assertThat(tick().skipped()).isTrue();

        assertThat(lease().release(mine)).isTrue();
        assertThat(lease().owner()).isEmpty();
        assertThat(tick().skipped()).isFalse();
    }
}
