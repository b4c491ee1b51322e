package dev.penguinmails.sending.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailServer;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.campaigns.CampaignStore;
import dev.penguinmails.sending.copies.SenderCopies;
import dev.penguinmails.sending.dkim.DkimMessageSigner;
import dev.penguinmails.sending.dkim.DkimSigningKey;
import dev.penguinmails.sending.enrolments.EnrolmentsConsumer;
import dev.penguinmails.sending.messages.Address;
import dev.penguinmails.sending.messages.BuiltMessage;
import dev.penguinmails.sending.messages.MessageIds;
import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.messages.OutgoingMessage;
import dev.penguinmails.sending.scheduling.SchedulerJob;
import dev.penguinmails.sending.scheduling.SchedulerTick;
import dev.penguinmails.sending.sender.SendsConsumer;
import dev.penguinmails.sending.sequences.SequenceStep;
import dev.penguinmails.sending.templates.ContactVariables;
import dev.penguinmails.sending.templates.EmailRenderer;
import dev.penguinmails.sending.templates.RenderedEmail;
import dev.penguinmails.sending.transport.SendResult;
import dev.penguinmails.sending.transport.SmtpAccount;
import dev.penguinmails.sending.transport.SmtpSettings;
import dev.penguinmails.sending.transport.SmtpTransport;
import dev.penguinmails.sending.unsubscribe.UnsubscribeLinks;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Benchmark, not a test (its name keeps it out of the module's test run): one campaign sent end to end on the
 * emulators, then the same emails sent by a raw loop, in the same JVM, to the same GreenMail.
 *
 * <p>End to end: {@code bench.recipients} contacts reach sending as {@code campaign.audience.chunk} events (100 a
 * chunk) through the real rule and the {@code sending-enrolments} queue, {@code bench.threads} workers run the
 * enrolments consumer and the sends consumer (as Lambda's SQS event sources would, batches of ten), a ticker runs
 * the real {@code schedule-sends} tick back to back (not once a minute: the benchmark measures the pipeline, not
 * the schedule), until GreenMail has them all. Mailboxes are seeded aged and warmed in sending's copies (daily
 * limit 100,000, no ramp), so neither the warm-up nor the plan throttles.
 *
 * <p>Raw: the same render ({@link EmailRenderer}, the unsubscribe link), MIME build, DKIM signing and SMTP send
 * through the same mailboxes, in a pool of {@code bench.threads} threads, no queue and no persistence.
 */
@MicronautTest
class CampaignSendBenchmark extends SendingFlow {
    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 100_000);
    private static final int RAW = Integer.getInteger("bench.raw", RECIPIENTS);
    private static final int MAILBOXES = Integer.getInteger("bench.mailboxes", 20);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final long TIMEOUT_MINUTES = Long.getLong("bench.timeout-minutes", 60);

    /** READY, every day all day, no gap, the campaign's cap per mailbox at its maximum. */
    private static String campaign() {
        return READY.replace("\"sequence\":", "\"window\":{\"timezone\":\"UTC\",\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],"
                + "\"start\":\"00:00\",\"end\":\"23:59\"},"
                + "\"limits\":{\"dailyPerMailbox\":10000,\"gapMinSeconds\":0,\"gapMaxSeconds\":0},\"sequence\":");
    }

    @Override
    protected java.util.Map<String, String> extraProperties() {
        // The free plan's 1,000 emails a month (decision 0065) would stop the run: the workspace is on no plan.
        return java.util.Map.of("penguinmails.sending.quota.default-emails-per-month", Integer.toString(Integer.MAX_VALUE));
    }

    @Test
    void campaignThenRawLoop() throws Exception {
        String ws = workspace();
        System.out.printf("BENCH setup: %d recipients end to end, %d raw, %d mailboxes, %d threads, %d cores, load %s%n",
                RECIPIENTS, RAW, MAILBOXES, THREADS, Runtime.getRuntime().availableProcessors(), SchedulerTickBenchmark.load());
        String[] ids = new String[MAILBOXES];
        for (int m = 0; m < MAILBOXES; m++) {
            ids[m] = "mbx_" + m;
            warmedSender(ws, ids[m], "sdr" + m + "@mail.acme.io");
        }
        String campaignId = launched(ws, campaign(), ids);
        int before = GREEN_MAIL.greenMail().getReceivedMessages().length;

        // ---- end to end
        SqsClient sqs = TestAws.shared().clients().sqs();
        String enrolQueue = stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_ENROLMENTS));
        String sendQueue = stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(2 * THREADS + 1);
        AtomicLong ticks = new AtomicLong();
        AtomicLong tickNanos = new AtomicLong();
        List<Future<?>> loops = new ArrayList<>();
        long start = System.nanoTime();
        EnrolmentsConsumer enrolments = new EnrolmentsConsumer(context);
        SendsConsumer sends = new SendsConsumer(context);
        for (int t = 0; t < THREADS; t++) {
            loops.add(workers.submit(() -> consume(sqs, enrolQueue, enrolments::execute, running)));
            loops.add(workers.submit(() -> consume(sqs, sendQueue, sends::execute, running)));
        }
        loops.add(workers.submit(() -> {
            SchedulerJob job = new SchedulerJob(context);
            while (running.get()) {
                long t0 = System.nanoTime();
                SchedulerTick.Summary s = job.execute(null);
                tickNanos.addAndGet(System.nanoTime() - t0);
                ticks.incrementAndGet();
                if (s.due() == 0) {
                    sleep(200);
                }
            }
            return null;
        }));
        EventPublisher events = context.getBean(EventPublisher.class);
        int chunks = (RECIPIENTS + 99) / 100;
        for (int c = 0; c < chunks; c++) {
            List<ContactState> contacts = new ArrayList<>();
            for (int i = c * 100; i < Math.min(RECIPIENTS, (c + 1) * 100); i++) {
                contacts.add(contact(ws, "con_" + i, "p" + i + "@prospect.io", "P" + i, null, 1));
            }
            events.publish(DomainEvent.create(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ws,
                    new AudienceChunk(campaignId, 2, c, chunks, RECIPIENTS, contacts)));
        }
        long published = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        int landed = 0;
        long lastReport = start;
        while (landed < RECIPIENTS && System.nanoTime() < deadline) {
            sleep(500);
            landed = GREEN_MAIL.greenMail().getReceivedMessages().length - before;
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                lastReport = System.nanoTime();
                System.out.printf("BENCH progress: %d of %d in GreenMail after %.0f s, load %s%n", landed, RECIPIENTS,
                        (lastReport - start) / 1e9, SchedulerTickBenchmark.load());
            }
        }
        long end = System.nanoTime();
        sleep(5_000); // anything still in flight would be a duplicate
        running.set(false);
        for (Future<?> f : loops) {
            f.get();
        }
        workers.shutdown();
        MimeMessage[] all = GREEN_MAIL.greenMail().getReceivedMessages();
        int e2eCount = all.length - before;
        Set<String> distinct = new HashSet<>();
        for (int i = before; i < all.length; i++) {
            distinct.add(Arrays.toString(all[i].getAllRecipients()));
        }
        double e2eSeconds = (end - start) / 1e9;
        System.out.printf("BENCH end to end: %d emails in %.1f s = %.1f emails/s (chunks published in %.1f s; %d ticks,"
                        + " %.1f s in ticks); GreenMail holds %d messages for %d distinct recipients; load %s%n",
                landed, e2eSeconds, landed / e2eSeconds, (published - start) / 1e9, ticks.get(), tickNanos.get() / 1e9,
                e2eCount, distinct.size(), SchedulerTickBenchmark.load());

        // ---- raw loop: same render, build, DKIM and SMTP, no queue, no persistence
        int rawBefore = GREEN_MAIL.greenMail().getReceivedMessages().length;
        double rawSeconds = rawLoop(ws, campaignId, ids);
        int rawCount = GREEN_MAIL.greenMail().getReceivedMessages().length - rawBefore;
        System.out.printf("BENCH raw loop: %d emails in %.1f s = %.1f emails/s; GreenMail received %d; load %s%n",
                RAW, rawSeconds, RAW / rawSeconds, rawCount, SchedulerTickBenchmark.load());
        System.out.printf("BENCH ratio end to end / raw: %.1f %%%n", 100 * (landed / e2eSeconds) / (RAW / rawSeconds));

        assertThat(e2eCount).as("one email per recipient, no duplicates").isEqualTo(RECIPIENTS);
        assertThat(distinct).hasSize(RECIPIENTS);
        assertThat(rawCount).isEqualTo(RAW);
    }

    private double rawLoop(String ws, String campaignId, String[] mailboxIds) throws Exception {
        List<SequenceStep> sequence = context.getBean(CampaignStore.class).get(tenant(ws), campaignId).orElseThrow()
                .definition().sequence();
        UnsubscribeLinks links = context.getBean(UnsubscribeLinks.class);
        MimeMessages mime = context.getBean(MimeMessages.class);
        DkimMessageSigner signer = new DkimMessageSigner(DkimSigningKey.of("mail.acme.io", "pm1", DKIM.getPrivate().getEncoded()));
        List<SmtpAccount> accounts = Arrays.stream(mailboxIds)
                .map(id -> new SmtpAccount(id, "127.0.0.1", GREEN_MAIL.smtpPort(), "none", null, null)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (SmtpTransport smtp = new SmtpTransport(SmtpSettings.DEFAULTS)) {
            long start = System.nanoTime();
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < RAW; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    int m = n % mailboxIds.length;
                    String from = "sdr" + m + "@mail.acme.io";
                    ContactState contact = contact(ws, "raw_" + n, "r" + n + "@prospect.io", "R" + n, null, 1);
                    String messageId = MessageIds.next("mail.acme.io", System.currentTimeMillis());
                    URI https = links.https(links.issue(ws, messageId, contact.contactId(), campaignId));
                    Map<String, Object> fields = new HashMap<>();
                    fields.put("email", contact.email());
                    fields.put("first_name", contact.firstName());
                    fields.put("company", contact.company());
                    Map<String, Object> variables = ContactVariables.of(fields, Map.of(),
                            Map.of("unsubscribe_url", https.toString(), "sender", Map.of("email", from, "name", "Sdr " + m)));
                    RenderedEmail r = EmailRenderer.render(sequence, 0, null, contact.contactId(), variables, null);
                    BuiltMessage built = mime.build(new OutgoingMessage(new Address(from, "Sdr " + m),
                            new Address(contact.email(), contact.firstName()), r.subject(), r.text(), r.html(),
                            messageId.substring(0, messageId.indexOf('@')), URI.create("mailto:" + from + "?subject=unsubscribe"),
                            https, null, Instant.now()), messageId);
                    byte[] signed = signer.sign(built.raw());
                    SendResult result = smtp.send(accounts.get(m), built.envelopeFrom(), built.envelopeTo(), signed);
                    if (!(result instanceof SendResult.Sent)) {
                        throw new IllegalStateException("raw send failed: " + result);
                    }
                    return result;
                }));
            }
            for (Future<SendResult> f : results) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /** An SMTP mailbox copy through GreenMail, aged and warmed: a daily limit no benchmark reaches, no ramp. */
    private void warmedSender(String ws, String mailboxId, String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        SenderCopies copies = context.getBean(SenderCopies.class);
        copies.applyMailbox(tenant(ws), new MailboxState(mailboxId, address, domain, "Sdr", "smtp", "connected",
                true, 100_000, false, 1, 1, "2025-01-01", null,
                new MailServer("127.0.0.1", GREEN_MAIL.smtpPort(), "none", null, null), null, 1));
        String sealed = context.getBean(SecretBox.class).seal(DKIM.getPrivate().getEncoded(),
                new SecretContext(ws, "dkim-private-key", domain + "/pm1"));
        copies.applyDomain(tenant(ws), new DomainState(domain, "verified", true, "pm1", sealed,
                "bounce." + domain, "track." + domain, null, 1));
    }

    /** One worker of a queue's event source: batches of ten, failures left to SQS's redelivery. */
    private static Void consume(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler,
                                AtomicBoolean running) {
        while (running.get()) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (messages.isEmpty()) {
                continue;
            }
            SQSBatchResponse response = handler.apply(QueueDelivery.sqsEvent(messages));
            Set<String> failed = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            List<Message> done = messages.stream().filter(m -> !failed.contains(m.messageId())).toList();
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done.stream().map(m ->
                        software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                                .id(m.messageId().replaceAll("[^A-Za-z0-9_-]", "_")).receiptHandle(m.receiptHandle()).build())
                        .toList()));
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
