package dev.penguinmails.sending.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.copies.SenderCopies;
import dev.penguinmails.sending.scheduling.SchedulerJob;
import dev.penguinmails.sending.scheduling.SchedulerTick;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Benchmark, not a test (its name keeps it out of the module's test run): the scheduler tick over many active
 * mailboxes. Seeds the sending table in dynalite (the tests' emulator) with {@code bench.workspaces} workspaces of
 * {@code bench.mailboxes} connected mailboxes each (copies, as the copies consumer writes them), one active campaign
 * per workspace whose pool is all its mailboxes, and {@code bench.enrolments} enrolments per workspace due now; then
 * runs the real {@code schedule-sends} handler {@code bench.ticks} times, a minute apart, and prints per tick the wall
 * time, the JVM's CPU time, DynamoDB requests by operation, items read and send tasks queued to ElasticMQ.
 *
 * <p>{@code local-stack/bench/sending-tick.sh} runs it and keeps the output; docs/benchmarks/sending-tick.md reports it.
 */
@MicronautTest
class SchedulerTickBenchmark extends SendingFlow {
    private static final int WORKSPACES = Integer.getInteger("bench.workspaces", 100);
    private static final int MAILBOXES = Integer.getInteger("bench.mailboxes", 100);
    private static final int ENROLMENTS = Integer.getInteger("bench.enrolments", 50);
    private static final int TICKS = Integer.getInteger("bench.ticks", 4);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(CountedDynamoDb.ENABLED, "true");
    }

    /** One active campaign over every mailbox of its workspace, 40 a mailbox a day, 1 to 3 minutes between sends. */
    private static String campaign() {
        return READY.replace("\"sequence\":", "\"limits\":{\"dailyPerMailbox\":40,\"gapMinSeconds\":60,\"gapMaxSeconds\":180},\"sequence\":");
    }

    @Test
    void tick() throws Exception {
        clockAt(MONDAY_10);
        System.out.printf("BENCH setup: %d workspaces x %d mailboxes = %d active mailboxes, %d due enrolments, %d ticks, %d cores, load %s%n",
                WORKSPACES, MAILBOXES, WORKSPACES * MAILBOXES, WORKSPACES * ENROLMENTS, TICKS,
                Runtime.getRuntime().availableProcessors(), load());
        long seedStart = System.nanoTime();
        List<String> workspaces = IntStream.range(0, WORKSPACES).mapToObj(i -> workspace()).toList();
        ExecutorService seeders = Executors.newFixedThreadPool(8);
        List<Future<?>> seeded = new ArrayList<>();
        for (int w = 0; w < WORKSPACES; w++) {
            int n = w;
            seeded.add(seeders.submit(() -> seed(workspaces.get(n), n)));
        }
        for (Future<?> f : seeded) {
            f.get();
        }
        seeders.shutdown();
        System.out.printf("BENCH seeded in %.1f s (%d DynamoDB requests)%n", (System.nanoTime() - seedStart) / 1e9,
                CountedDynamoDb.REQUESTS.total());

        long totalEnqueued = 0;
        for (int t = 1; t <= TICKS; t++) {
            CountedDynamoDb.REQUESTS.reset();
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            SchedulerTick.Summary summary = new SchedulerJob(context).execute(null);
            long wall = System.nanoTime() - wall0;
            long cpu = processCpuNanos() - cpu0;
            totalEnqueued += summary.enqueued();
            System.out.printf("BENCH tick %d: wall %.2f s, JVM CPU %.2f s, due %d, enqueued %d, postponed %d, dropped %d,"
                            + " DynamoDB requests %d %s, items read %d, load %s%n", t, wall / 1e9, cpu / 1e9, summary.due(),
                    summary.enqueued(), summary.postponed(), summary.dropped(), CountedDynamoDb.REQUESTS.total(),
                    CountedDynamoDb.REQUESTS.byOperation(), CountedDynamoDb.REQUESTS.itemsRead(), load());
            assertThat(CountedDynamoDb.REQUESTS.count("Scan")).as("no scan").isZero();
            clock.advance(Duration.ofMinutes(1));
        }
        long queued = queuedSends();
        System.out.printf("BENCH send tasks in sending-sends (ElasticMQ, visible + delayed): %d; enqueued by the ticks: %d%n",
                queued, totalEnqueued);
        assertThat(queued).isEqualTo(totalEnqueued);
        assertThat(totalEnqueued).isEqualTo((long) WORKSPACES * ENROLMENTS);
    }

    private void seed(String ws, int n) {
        SenderCopies copies = context.getBean(SenderCopies.class);
        String domain = "mail-" + n + ".acme.io";
        copies.applyDomain(tenant(ws), new DomainState(domain, "verified", true, "pm1", "pm1.sealed",
                "bounce." + domain, "track." + domain, null, 1));
        String[] ids = new String[MAILBOXES];
        for (int m = 0; m < MAILBOXES; m++) {
            ids[m] = "mbx_" + m;
            copies.applyMailbox(tenant(ws), new MailboxState(ids[m], "sdr" + m + "@" + domain, domain, "Sdr " + m, "smtp",
                    "connected", true, 40, false, 1, 1, null, null, null, null, 1));
        }
        String campaignId = launched(ws, campaign(), ids);
        List<ContactState> contacts = new ArrayList<>();
        for (int c = 0; c < ENROLMENTS; c++) {
            contacts.add(contact(ws, "con_" + c, "p" + c + "@prospect-" + n + ".io", "P" + c, null, 1));
        }
        enrol(ws, campaignId, contacts);
    }

    private long queuedSends() {
        var attributes = TestAws.shared().clients().sqs().getQueueAttributes(r -> r
                .queueUrl(stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS)))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" 0*\\d+/")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

}
