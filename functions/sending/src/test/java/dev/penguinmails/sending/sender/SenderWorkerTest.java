package dev.penguinmails.sending.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.contacts.SuppressionAdded;
import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.sending.enrolments.Enrolment;
import dev.penguinmails.sending.enrolments.EnrolmentStatus;
import dev.penguinmails.sending.enrolments.EnrolmentStore;
import dev.penguinmails.sending.scheduling.DueIndex;
import dev.penguinmails.sending.sends.SentMessages;
import dev.penguinmails.sending.suppression.SuppressionCopy;
import dev.penguinmails.sending.transport.ScriptedSmtpServer;
import dev.penguinmails.sending.transport.ScriptedSmtpServer.Script;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sender worker driven directly with send tasks against GreenMail: one email per (enrolment, step) whatever is
 * delivered twice or crashes where (decision 0052), follow-ups threaded, every send-time check honoured.
 */
@MicronautTest
@Tag("integration")
class SenderWorkerTest extends SendingFlow {

    @AfterEach
    void noCrashes() {
        worker().crashHook(null);
    }

    @Override
    protected Map<String, String> extraProperties() {
        // A silent scripted server costs one read timeout per attempt; GreenMail answers well within it.
        return Map.of("penguinmails.sending.sender.smtp-connect-timeout", "3s",
                "penguinmails.sending.sender.smtp-read-timeout", "3s");
    }

    private SenderWorker worker() {
        return context.getBean(SenderWorker.class);
    }

    private record Sending(String ws, String campaignId, String contactId, String email) {
        SendTask task(int step) {
            return new SendTask(ws, Enrolment.id(campaignId, contactId), step, "mbx_smtp");
        }
    }

    /** A launched two-step campaign (the follow-up replies in thread after 3 business days) with one enrolled contact. */
    private Sending enrolled(String name) {
        String ws = workspace();
        String campaign = launchedWithOneSmtpMailbox(ws);
        String contactId = "con_" + name;
        String email = name + "-" + System.nanoTime() + "@example.io";
        assertThat(enrol(ws, campaign, List.of(contact(ws, contactId, email, "Dana", null, 1)))).isEqualTo(1);
        return new Sending(ws, campaign, contactId, email);
    }

    private Enrolment enrolment(Sending s) {
        return context.getBean(EnrolmentStore.class).get(tenant(s.ws()), Enrolment.id(s.campaignId(), s.contactId())).orElseThrow();
    }

    @Test
    void aSendLandsSignedAndAFollowUpThreadsInTheSameConversation() throws Exception {
        Sending s = enrolled("dana");
        SenderWorker.Result first = worker().send(s.task(0));
        assertThat(first.outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        List<MimeMessage> landed = received(s.email());
        assertThat(landed).hasSize(1);
        MimeMessage email = landed.get(0);
        assertThat(email.getMessageID()).isEqualTo("<" + first.detail() + ">");
        assertThat(email.getSubject()).isIn("Hi Dana", "Hello Dana");
        assertThat(email.getHeader("List-Unsubscribe", null)).contains("https://u.acme-mail.io/v1/u/")
                .contains("mailto:ana@mail.acme.io");
        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.getHeader("DKIM-Signature", null)).contains("d=mail.acme.io").contains("s=pm1");

        Enrolment afterFirst = enrolment(s);
        assertThat(afterFirst.step()).isEqualTo(1);
        assertThat(afterFirst.mailboxId()).isEqualTo("mbx_smtp");
        assertThat(afterFirst.dueAt()).as("3 business days after Monday").isEqualTo(Instant.parse("2026-12-10T10:00:00Z"));
        assertThat(context.getBean(SentMessages.class).find(s.ws(), first.detail())).hasValueSatisfying(m -> {
            assertThat(m.send().step()).isZero();
            assertThat(m.send().enrolmentId()).isEqualTo(afterFirst.id());
        });
        assertThat(published("email.sent", s.ws())).hasSize(1);

        clock.advance(Duration.ofDays(3));
        SenderWorker.Result second = worker().send(s.task(1));
        assertThat(second.outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        landed = received(s.email());
        assertThat(landed).hasSize(2);
        MimeMessage followUp = landed.stream().filter(m -> !m.equals(email)).findFirst().orElseThrow();
        assertThat(followUp.getSubject()).isEqualTo("Re: " + email.getSubject());
        assertThat(followUp.getHeader("In-Reply-To", null)).isEqualTo(email.getMessageID());
        assertThat(followUp.getHeader("References", null)).contains(email.getMessageID());
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(published("email.sent", s.ws())).hasSize(2);
    }

    @Test
    void aBatchPublishesItsEmailEventsTogetherWhenItClosesAndClosesEveryClaim() {
        String ws = workspace();
        String campaign = launchedWithOneSmtpMailbox(ws);
        List<Sending> sends = List.of("bea", "ben", "bo").stream()
                .map(n -> new Sending(ws, campaign, "con_" + n, n + "-" + System.nanoTime() + "@example.io")).toList();
        assertThat(enrol(ws, campaign, sends.stream().map(x -> contact(ws, x.contactId(), x.email(), "Bo", null, 1)).toList()))
                .isEqualTo(3);
        SendClaims claims = context.getBean(SendClaims.class);

        SendBatch batch = new SendBatch();
        worker().prefetch(batch, sends.stream().map(x -> x.task(0)).toList());
        for (Sending x : sends) {
            assertThat(worker().send(x.task(0), batch).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        }
        worker().send(sends.get(0).task(0), batch);
        assertThat(published("email.sent", ws)).as("not before the batch closes").isEmpty();
        assertThat(claims.get(tenant(ws), Enrolment.id(campaign, "con_bea"), 0).orElseThrow().state())
                .isEqualTo(SendClaim.State.SENT);
        assertThat(followUpsDue(ws)).as("written when the batch closes").isEmpty();

        worker().close(batch);
        assertThat(published("email.sent", ws)).hasSize(3);
        assertThat(followUpsDue(ws)).containsExactlyInAnyOrderElementsOf(
                sends.stream().map(x -> Enrolment.id(campaign, x.contactId())).toList());
        for (Sending x : sends) {
            assertThat(received(x.email())).as("one email each, the duplicate task included").hasSize(1);
            SendClaims.Stored stored = claims.find(tenant(ws), Enrolment.id(campaign, x.contactId()), 0).orElseThrow();
            assertThat(stored.claim().state()).isEqualTo(SendClaim.State.RECORDED);
            assertThat(stored.owed()).as("cleared in the closing write").isNull();
            assertThat(enrolment(x).step()).isEqualTo(1);
        }
    }

    @Test
    void aBatchLostBeforeItClosedIsFinishedByTheRedeliveryFollowUpIncluded() {
        Sending s = enrolled("lostbatch");
        SendBatch lost = new SendBatch();
        assertThat(worker().send(s.task(0), lost).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(enrolment(s).step()).as("advanced before the batch closed").isEqualTo(1);
        assertThat(followUpsDue(s.ws())).isEmpty();

        SenderWorker.Result redelivered = worker().send(s.task(0));
        assertThat(redelivered.outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(received(s.email())).hasSize(1);
        assertThat(followUpsDue(s.ws())).containsExactly(enrolment(s).id());
        assertThat(published("email.sent", s.ws())).as("owed on the claim, published by the redelivery").hasSize(1);
        assertThat(context.getBean(SendClaims.class).find(tenant(s.ws()), enrolment(s).id(), 0).orElseThrow().owed())
                .isNull();
    }

    /** The enrolments of the workspace whose second step is in the due index (due 3 business days after MONDAY_10). */
    private List<String> followUpsDue(String ws) {
        return context.getBean(DueIndex.class).due(Instant.parse("2026-12-10T11:00:00Z"), 100_000).stream()
                .filter(d -> d.workspaceId().equals(ws) && d.step() == 1).map(DueIndex.Due::enrolmentId).toList();
    }

    @Test
    void aDuplicateDeliveryNeverSendsTwiceNotEvenAtTheSameMoment() throws Exception {
        Sending s = enrolled("duo");
        CyclicBarrier start = new CyclicBarrier(3);
        List<CompletableFuture<SenderWorker.Result>> racing = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return worker().send(s.task(0));
                })).toList();
        List<SenderWorker.Outcome> outcomes = racing.stream().map(CompletableFuture::join).map(SenderWorker.Result::outcome).toList();
        assertThat(outcomes).containsOnlyOnce(SenderWorker.Outcome.SENT);
        assertThat(worker().send(s.task(0)).outcome()).as("a later redelivery").isEqualTo(SenderWorker.Outcome.SKIPPED);
        assertThat(received(s.email())).hasSize(1);
        assertThat(enrolment(s).step()).isEqualTo(1);
        assertThat(published("email.sent", s.ws())).hasSize(1);
    }

    @Test
    void aCrashAfterTheClaimBeforeTheSendIsNeverResentAndSurfacesAsUnknown() {
        Sending s = enrolled("crashclaim");
        worker().crashHook(point -> {
            if (point.equals("claimed")) {
                throw new IllegalStateException("crash");
            }
        });
        assertThatThrownBy(() -> worker().send(s.task(0))).hasMessage("crash");
        worker().crashHook(null);

        assertThat(worker().send(s.task(0)).outcome()).as("redelivered within the lease").isEqualTo(SenderWorker.Outcome.SKIPPED);
        clock.advance(Duration.ofMinutes(11));
        assertThat(worker().send(s.task(0)).outcome()).as("after the lease").isEqualTo(SenderWorker.Outcome.UNKNOWN);
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SKIPPED);
        assertThat(received(s.email())).isEmpty();
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.UNKNOWN);
        assertThat(enrolment(s).stopReason()).isEqualTo("send-outcome-unknown");
    }

    @Test
    void aCrashAfterTheServerAcceptedItBeforeTheClaimSaysSoSendsNothingMore() {
        Sending s = enrolled("crashaccepted");
        worker().crashHook(point -> {
            if (point.equals("accepted")) {
                throw new IllegalStateException("crash");
            }
        });
        assertThatThrownBy(() -> worker().send(s.task(0))).hasMessage("crash");
        worker().crashHook(null);
        clock.advance(Duration.ofMinutes(11));
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.UNKNOWN);
        assertThat(received(s.email())).as("the one email that left, and no other").hasSize(1);
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.UNKNOWN);
    }

    @Test
    void aCrashAfterTheSendBeforeTheRecordIsFinishedByTheRedeliveryWithoutASecondEmail() {
        Sending s = enrolled("crashrecord");
        worker().crashHook(point -> {
            if (point.equals("marked-sent")) {
                throw new IllegalStateException("crash");
            }
        });
        assertThatThrownBy(() -> worker().send(s.task(0))).hasMessage("crash");
        worker().crashHook(null);
        assertThat(enrolment(s).step()).as("not advanced yet").isZero();

        SenderWorker.Result resumed = worker().send(s.task(0));
        assertThat(resumed.outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(received(s.email())).hasSize(1);
        assertThat(enrolment(s).step()).isEqualTo(1);
        assertThat(enrolment(s).messageIds()).containsExactly(resumed.detail());
        assertThat(context.getBean(SentMessages.class).find(s.ws(), resumed.detail())).isPresent();
        assertThat(published("email.sent", s.ws())).as("owed once, with the claim").hasSize(1);
    }

    @Test
    void aSuppressedAddressIsNeverMailedAndItsEnrolmentStops() {
        Sending s = enrolled("suppressed");
        String hash = EmailHashes.of(s.ws(), s.email());
        context.getBean(SuppressionCopy.class).apply(tenant(s.ws()),
                new SuppressionAdded("eml_" + hash, "email", s.email(), hash, null, "unsubscribed", 1));
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SKIPPED);
        assertThat(received(s.email())).isEmpty();
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.STOPPED);
        assertThat(enrolment(s).stopReason()).isEqualTo("suppressed");
    }

    @Test
    void aPausedCampaignSendsNothingUntilResumed() {
        Sending s = enrolled("paused");
        Caller owner = Caller.owner(s.ws());
        assertThat(http.post(campaigns(s.ws()) + "/" + s.campaignId() + "/pause", "{}", owner.headers()).status()).isEqualTo(200);
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.DEFERRED);
        assertThat(received(s.email())).isEmpty();
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.ACTIVE);

        assertThat(http.post(campaigns(s.ws()) + "/" + s.campaignId() + "/resume", "{}", owner.headers()).status()).isEqualTo(200);
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(received(s.email())).hasSize(1);
    }

    @Test
    void anUnreachableServerIsRetriedThenFailsOnceWithEmailFailed() {
        Sending s = enrolled("unreachable");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        var copies = context.getBean(dev.penguinmails.sending.copies.SenderCopies.class);
        copies.applyMailbox(tenant(s.ws()), new dev.penguinmails.events.mailboxes.MailboxState("mbx_smtp", "ana@mail.acme.io",
                "mail.acme.io", "Ana", "smtp", "connected", true, 40, false, 1, 1, null, null,
                new dev.penguinmails.events.mailboxes.MailServer("127.0.0.1", closedPort, "none", null, null), null, 2));

        SenderWorker.Result first = worker().send(s.task(0));
        assertThat(first.outcome()).isEqualTo(SenderWorker.Outcome.RETRY);
        assertThat(first.retryAfter()).isPositive();
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(worker().send(s.task(0)).outcome()).as("the last of 2 attempts").isEqualTo(SenderWorker.Outcome.FAILED);
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SKIPPED);
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.FAILED);
        assertThat(published("email.failed", s.ws())).hasSize(1);
        assertThat(published("email.failed", s.ws()).get(0).detail()).contains("\"permanent\":false");
    }

    @Test
    void aTaskNamingAnotherWorkspacesEnrolmentSendsNothing() {
        Sending s = enrolled("isolated");
        String intruder = workspace();
        smtpSender(intruder, "mbx_smtp", "eve@mail.evil.io", "smtp");
        SendTask forged = new SendTask(intruder, Enrolment.id(s.campaignId(), s.contactId()), 0, "mbx_smtp");
        assertThat(worker().send(forged).outcome()).isEqualTo(SenderWorker.Outcome.SKIPPED);
        assertThat(received(s.email())).isEmpty();
        assertThat(enrolment(s).step()).isZero();
    }
    // ---- a mailbox whose SMTP server refuses, stalls or times out (issue 11, decisions 0049, 0052, 0057) ----

    /** Points the mailbox copy of {@code s} at {@code port} (a newer copy, as mailbox.updated would bring). */
    private void mailboxServerAt(Sending s, int port) {
        context.getBean(dev.penguinmails.sending.copies.SenderCopies.class).applyMailbox(tenant(s.ws()),
                new dev.penguinmails.events.mailboxes.MailboxState("mbx_smtp", "ana@mail.acme.io", "mail.acme.io", "Ana",
                        "smtp", "connected", true, 40, false, 1, 1, null, null,
                        new dev.penguinmails.events.mailboxes.MailServer("127.0.0.1", port, "none", null, null), null, 2));
    }

    @Test
    void aRecipientRefusedAtRcptFailsTheEnrolmentOnceAndIsNeverRetried() throws Exception {
        Sending s = enrolled("refused");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.accepting().rcpt("550 5.1.1 no such user"))) {
            mailboxServerAt(s, server.port());

            SenderWorker.Result result = worker().send(s.task(0));
            assertThat(result.outcome()).isEqualTo(SenderWorker.Outcome.FAILED);
            assertThat(result.retryAfter()).as("never retried").isNull();
            assertThat(result.detail()).contains("recipient 550");
            assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.FAILED);
            assertThat(published("email.failed", s.ws())).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("\"permanent\":true"));

            server.script(Script.accepting());
            assertThat(worker().send(s.task(0)).outcome()).as("a redelivery").isEqualTo(SenderWorker.Outcome.SKIPPED);
            assertThat(server.connections.get()).as("the redelivery did not even connect").isEqualTo(1);
            assertThat(server.messagesAccepted.get()).isZero();
            assertThat(published("email.failed", s.ws())).hasSize(1);
        }
    }

    @Test
    void greylistingIsRetriedWithBackoffAndSentOnceWhenTheServerAccepts() throws Exception {
        Sending s = enrolled("greylisted");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                Script.accepting().rcpt("451 4.7.1 Greylisted, please try again later"))) {
            mailboxServerAt(s, server.port());

            SenderWorker.Result first = worker().send(s.task(0));
            assertThat(first.outcome()).isEqualTo(SenderWorker.Outcome.RETRY);
            assertThat(first.retryAfter()).as("greylisting asks minutes").isGreaterThanOrEqualTo(Duration.ofMinutes(5));
            assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.ACTIVE);

            server.script(Script.accepting()); // the greylisting period is over
            assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
            assertThat(worker().send(s.task(0)).outcome()).as("a duplicate of the retry").isEqualTo(SenderWorker.Outcome.SKIPPED);
            assertThat(server.messagesAccepted.get()).as("sent exactly once").isEqualTo(1);
            assertThat(enrolment(s).step()).as("moved on to the follow-up").isEqualTo(1);
            assertThat(published("email.failed", s.ws())).isEmpty();
        }
    }

    @Test
    void aServerThatNeverGreetsIsRetriedNotUnknownAndSendsOnceItAnswers() throws Exception {
        Sending s = enrolled("silentgreeting");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.accepting().greeting(null))) {
            mailboxServerAt(s, server.port());

            SenderWorker.Result first = worker().send(s.task(0));
            assertThat(first.outcome()).as("nothing was handed over: safe to retry").isEqualTo(SenderWorker.Outcome.RETRY);
            assertThat(first.detail()).containsIgnoringCase("timed out");
            assertThat(first.retryAfter()).isPositive();
            assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.ACTIVE);

            server.script(Script.accepting());
            assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
            assertThat(server.messagesAccepted.get()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatStallsBeforeDataEndsIsRetried() throws Exception {
        Sending s = enrolled("silentrcpt");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.accepting().rcpt(null))) {
            mailboxServerAt(s, server.port());

            assertThat(worker().send(s.task(0)).outcome()).as("RCPT unanswered: the message never left")
                    .isEqualTo(SenderWorker.Outcome.RETRY);
            server.script(Script.accepting());
            assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
            assertThat(server.messagesAccepted.get()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedAndSendsOnceTheServerIsBack() throws Exception {
        Sending s = enrolled("refusedconnection");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        mailboxServerAt(s, port);
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.RETRY);
        assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.ACTIVE);

        // The server is back (a newer copy naming GreenMail, as mailbox.updated would bring it).
        var copies = context.getBean(dev.penguinmails.sending.copies.SenderCopies.class);
        copies.applyMailbox(tenant(s.ws()), new dev.penguinmails.events.mailboxes.MailboxState("mbx_smtp", "ana@mail.acme.io",
                "mail.acme.io", "Ana", "smtp", "connected", true, 40, false, 1, 1, null, null,
                new dev.penguinmails.events.mailboxes.MailServer("127.0.0.1", GREEN_MAIL.smtpPort(), "none", null, null), null, 3));
        assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
        assertThat(received(s.email())).hasSize(1);
    }

    @Test
    void noReplyAfterTheMessageWasHandedOverIsUnknownAndNeverResent() throws Exception {
        Sending s = enrolled("silentafterdata");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.accepting().data(null))) {
            mailboxServerAt(s, server.port());

            assertThat(worker().send(s.task(0)).outcome()).as("the server may have taken it")
                    .isEqualTo(SenderWorker.Outcome.UNKNOWN);
            assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.UNKNOWN);
            assertThat(enrolment(s).stopReason()).isEqualTo("send-outcome-unknown");

            server.script(Script.accepting());
            assertThat(worker().send(s.task(0)).outcome()).as("a redelivery").isEqualTo(SenderWorker.Outcome.SKIPPED);
            assertThat(server.connections.get()).as("never sent again").isEqualTo(1);
            assertThat(published("email.failed", s.ws())).isEmpty();
        }
    }

    // ---- a mailbox whose own server refuses it (decision 0067) ----

    /** A newer copy of the mailbox naming {@code port}, with a login whose password is sealed as domains seals it. */
    private dev.penguinmails.events.mailboxes.MailboxState withLogin(Sending s, int port, long version) {
        String sealed = context.getBean(dev.penguinmails.shared.secrets.SecretBox.class).seal(
                "app-password".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new dev.penguinmails.shared.secrets.SecretContext(s.ws(),
                        dev.penguinmails.sending.transport.SmtpAccount.PASSWORD_PURPOSE, "mbx_smtp/smtp"));
        var state = new dev.penguinmails.events.mailboxes.MailboxState("mbx_smtp", "ana@mail.acme.io", "mail.acme.io",
                "Ana", "smtp", "connected", true, 40, false, 1, 1, null, null,
                new dev.penguinmails.events.mailboxes.MailServer("127.0.0.1", port, "none", "ana", sealed), null, version);
        context.getBean(dev.penguinmails.sending.copies.SenderCopies.class).applyMailbox(tenant(s.ws()), state);
        return state;
    }

    @Test
    void refusedCredentialsHoldTheMailboxNotTheContactUntilANewerMailboxVersionArrives() throws Exception {
        Sending s = enrolled("authrefused");
        var copies = context.getBean(dev.penguinmails.sending.copies.SenderCopies.class);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                Script.accepting().auth("535 5.7.8 Username and Password not accepted"))) {
            var refused = withLogin(s, server.port(), 2);

            SenderWorker.Result first = worker().send(s.task(0));
            assertThat(first.outcome()).as("the contact is not to blame").isEqualTo(SenderWorker.Outcome.DEFERRED);
            assertThat(first.detail()).contains("mailbox held", "535");
            assertThat(enrolment(s).status()).isEqualTo(EnrolmentStatus.ACTIVE);
            assertThat(enrolment(s).step()).isZero();
            assertThat(published("email.failed", s.ws())).isEmpty();
            assertThat(context.getBean(SendClaims.class).get(tenant(s.ws()), Enrolment.id(s.campaignId(), s.contactId()), 0))
                    .as("nothing left, so the claim is given back").isEmpty();
            assertThat(published("mailbox.sending_held", s.ws())).singleElement().satisfies(e -> assertThat(e.detail())
                    .contains("\"mailboxId\":\"mbx_smtp\"", "\"mailboxVersion\":2", "\"code\":535"));
            assertThat(copies.mailbox(tenant(s.ws()), "mbx_smtp")).as("no longer offered to sends").isEmpty();
            assertThat(copies.mailboxHold(tenant(s.ws()), "mbx_smtp")).hasValueSatisfying(
                    reason -> assertThat(reason).contains("authentication failed"));

            SenderWorker.Result again = worker().send(s.task(0));
            assertThat(again.outcome()).isEqualTo(SenderWorker.Outcome.DEFERRED);
            assertThat(server.connections.get()).as("a held mailbox is not tried again").isEqualTo(1);
            assertThat(published("mailbox.sending_held", s.ws())).as("held once").hasSize(1);

            Caller owner = Caller.owner(s.ws());
            String other = created(owner, s.ws(), READY.replace("\"mbx_1\"", "\"mbx_smtp\""));
            var report = http.get(campaigns(s.ws()) + "/" + other + "/launch-checks", owner.headers());
            assertThat(report.body()).contains("\"mailbox-held\"", "Username and Password not accepted");

            // The customer fixes the password: domains publishes a newer version, which ends the hold.
            withLogin(s, GREEN_MAIL.smtpPort(), 3);
            assertThat(worker().send(s.task(0)).outcome()).isEqualTo(SenderWorker.Outcome.SENT);
            assertThat(received(s.email())).hasSize(1);
            assertThat(copies.mailboxHold(tenant(s.ws()), "mbx_smtp")).isEmpty();

            var holds = context.getBean(dev.penguinmails.sending.copies.MailboxHolds.class);
            assertThat(holds.hold(tenant(s.ws()), refused, 535, "late report about version 2", Instant.now()))
                    .as("a refusal of an older version never holds the newer one").isFalse();
            assertThat(copies.mailbox(tenant(s.ws()), "mbx_smtp")).isPresent();
        }
    }
}
