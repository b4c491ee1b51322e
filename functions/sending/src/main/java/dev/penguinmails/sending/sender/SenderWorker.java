package dev.penguinmails.sending.sender;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.publish.EncodedEvent;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.events.sending.EmailFailed;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.events.usage.EmailSent;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.sending.campaigns.Campaign;
import dev.penguinmails.sending.campaigns.CampaignStatus;
import dev.penguinmails.sending.campaigns.CampaignStore;
import dev.penguinmails.sending.copies.MailboxHolds;
import dev.penguinmails.sending.copies.SenderCopies;
import dev.penguinmails.sending.dkim.DkimMessageSigner;
import dev.penguinmails.sending.dkim.DkimSigningKey;
import dev.penguinmails.sending.enrolments.Enrolment;
import dev.penguinmails.sending.enrolments.EnrolmentStatus;
import dev.penguinmails.sending.enrolments.EnrolmentStore;
import dev.penguinmails.sending.messages.Address;
import dev.penguinmails.sending.messages.BuiltMessage;
import dev.penguinmails.sending.messages.Conversation;
import dev.penguinmails.sending.messages.MessageIds;
import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.messages.OutgoingMessage;
import dev.penguinmails.sending.scheduling.DueIndex;
import dev.penguinmails.sending.scheduling.SendingTime;
import dev.penguinmails.sending.scheduling.StepDelays;
import dev.penguinmails.sending.sends.SentMessage;
import dev.penguinmails.sending.sends.SentMessages;
import dev.penguinmails.sending.sequences.SequenceStep;
import dev.penguinmails.sending.sequences.VariantPicker;
import dev.penguinmails.sending.suppression.SuppressionCopy;
import dev.penguinmails.sending.templates.ContactVariables;
import dev.penguinmails.sending.templates.EmailRenderer;
import dev.penguinmails.sending.templates.RenderedEmail;
import dev.penguinmails.sending.transport.MailTransport;
import dev.penguinmails.sending.transport.SendResult;
import dev.penguinmails.sending.transport.SesRawTransport;
import dev.penguinmails.sending.transport.SmtpAccount;
import dev.penguinmails.sending.transport.SmtpTransport;
import dev.penguinmails.sending.unsubscribe.UnsubscribeLinks;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one (enrolment, step): re-checks at send time that the campaign is active, the enrolment still wants this
 * step, the address is not suppressed, the mailbox and its domain may send and takes a place of the workspace's
 * month from the {@link SendingQuota} (given back if the email surely did not leave); then claims the
 * send (decision 0052), renders, builds, signs (SMTP mailboxes), sends, and records the outcome. A claim is taken
 * before anything leaves, so no delivery of a task, however often repeated, sends a second email.
 */
@Singleton
public class SenderWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SenderWorker.class);
    static final String ACTOR = "system:sending-sender";
    /** How long a send put off for a passing reason (paused campaign, mailbox not eligible, quota) waits. */
    static final Duration DEFERRAL = Duration.ofMinutes(15);

    /** What became of a task. */
    public enum Outcome { SENT, SKIPPED, DEFERRED, RETRY, FAILED, UNKNOWN }

    /** The outcome, and for {@code RETRY} when to try again. */
    public record Result(Outcome outcome, @Nullable Duration retryAfter, String detail) {
        static Result of(Outcome outcome, String detail) {
            return new Result(outcome, null, detail);
        }
    }

    private final SendClaims claims;
    private final EnrolmentStore enrolments;
    private final CampaignStore campaigns;
    private final SenderCopies copies;
    private final MailboxHolds holds;
    private final SuppressionCopy suppression;
    private final SendingQuota quota;
    private final SentMessages sent;
    private final DueIndex due;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final MimeMessages mime;
    private final SmtpTransport smtp;
    private final SesRawTransport ses;
    private final UnsubscribeLinks links;
    private final SecretBox secrets;
    private final SenderSettings settings;
    private final SendingTime time;
    private volatile Consumer<String> crashHook = point -> { };

    SenderWorker(SendClaims claims, EnrolmentStore enrolments, CampaignStore campaigns, SenderCopies copies,
                 MailboxHolds holds, SuppressionCopy suppression, SendingQuota quota, SentMessages sent, DueIndex due,
                 Outbox outbox, EventPublisher publisher, MimeMessages mime, SmtpTransport smtp, SesRawTransport ses,
                 UnsubscribeLinks links,
                 SecretBox secrets, SenderSettings settings, SendingTime time) {
        this.claims = claims;
        this.enrolments = enrolments;
        this.campaigns = campaigns;
        this.copies = copies;
        this.holds = holds;
        this.suppression = suppression;
        this.quota = quota;
        this.sent = sent;
        this.due = due;
        this.outbox = outbox;
        this.publisher = publisher;
        this.mime = mime;
        this.smtp = smtp;
        this.ses = ses;
        this.links = links;
        this.secrets = secrets;
        this.settings = settings;
        this.time = time;
    }

    /** For tests: runs {@code hook} at the named points ({@code claimed}, {@code accepted}, {@code marked-sent}). */
    void crashHook(Consumer<String> hook) {
        this.crashHook = hook == null ? point -> { } : hook;
    }

    /** Sends one task on its own: a batch of one. */
    public Result send(SendTask task) {
        SendBatch batch = new SendBatch();
        try {
            return send(task, batch);
        } finally {
            close(batch);
        }
    }

    /**
     * Reads up front, in batched reads per workspace, the claims, enrolments and mailbox copies the tasks of
     * {@code batch} will need. Each send still decides on what it reads; every write stays conditional.
     */
    public void prefetch(SendBatch batch, List<SendTask> tasks) {
        tasks.stream().collect(Collectors.groupingBy(SendTask::workspaceId)).forEach((ws, of) -> {
            TenantContext tenant = TenantContext.system(ws, ACTOR);
            Map<String, SendClaims.Stored> stored = claims.findAll(tenant,
                    of.stream().map(t -> Map.entry(t.enrolmentId(), t.step())).toList());
            Map<String, Enrolment> read = enrolments.getAll(tenant, of.stream().map(SendTask::enrolmentId).toList());
            Map<String, MailboxState> mailboxes = copies.mailboxes(tenant, of.stream().map(SendTask::mailboxId).toList());
            for (SendTask t : of) {
                batch.prefetched(claimKey(tenant, t), Optional.ofNullable(stored.get(t.enrolmentId() + "#" + t.step())));
                batch.prefetched(enrolmentKey(tenant, t.enrolmentId()), Optional.ofNullable(read.get(t.enrolmentId())));
                batch.share(mailboxKey(tenant, t.mailboxId()), Optional.ofNullable(mailboxes.get(t.mailboxId())));
            }
        });
    }

    /** Sends one task of {@code batch}; the batch is {@link #close closed} after its last task. */
    public Result send(SendTask task, SendBatch batch) {
        TenantContext tenant = TenantContext.system(task.workspaceId(), ACTOR);
        Instant now = time.now();
        Optional<SendClaims.Stored> stored = batch.take(claimKey(tenant, task),
                () -> claims.find(tenant, task.enrolmentId(), task.step()));
        Optional<SendClaim> existing = stored.map(SendClaims.Stored::claim);
        if (existing.isPresent()) {
            SendClaim claim = existing.get();
            switch (claim.state()) {
                case SENT:
                    return finish(tenant, claim, stored.get().owed(), null, batch);
                case RECORDED:
                case FAILED:
                case UNKNOWN:
                    return Result.of(Outcome.SKIPPED, "claim " + claim.state().wire());
                case CLAIMED:
                    if (claim.claimedAt().plus(settings.claimLease()).isAfter(now)) {
                        return Result.of(Outcome.SKIPPED, "in flight in another delivery");
                    }
                    return unknown(tenant, claim, "no outcome within the claim lease");
                default:
                    break; // RETRY: checked again below, then claimed for the next attempt
            }
        }
        Optional<Enrolment> found = batch.take(enrolmentKey(tenant, task.enrolmentId()),
                () -> enrolments.get(tenant, task.enrolmentId()));
        if (found.isEmpty() || found.get().status() != EnrolmentStatus.ACTIVE || found.get().step() != task.step()) {
            return Result.of(Outcome.SKIPPED, "enrolment not due for this step");
        }
        Enrolment enrolment = found.get();
        Optional<Campaign> campaign = campaign(tenant, enrolment.campaignId(), batch);
        if (campaign.isEmpty() || campaign.get().status() == CampaignStatus.ARCHIVED
                || campaign.get().status() == CampaignStatus.COMPLETED) {
            stop(tenant, enrolment, EnrolmentStatus.STOPPED, "campaign-ended");
            return Result.of(Outcome.SKIPPED, "campaign ended");
        }
        if (campaign.get().status() != CampaignStatus.ACTIVE) {
            return defer(task, "campaign " + campaign.get().status().wire());
        }
        ContactState contact = enrolment.contact();
        if (contact == null || !"active".equals(contact.status())) {
            stop(tenant, enrolment, EnrolmentStatus.STOPPED, "contact-not-active");
            return Result.of(Outcome.SKIPPED, "contact not active");
        }
        if (suppression.isSuppressed(tenant, contact.email())) {
            stop(tenant, enrolment, EnrolmentStatus.STOPPED, "suppressed");
            return Result.of(Outcome.SKIPPED, "suppressed");
        }
        Optional<MailboxState> mailbox = batch.<Optional<MailboxState>>once(mailboxKey(tenant, task.mailboxId()),
                () -> copies.mailbox(tenant, task.mailboxId())).filter(MailboxState::eligibleForSending);
        Optional<DomainState> domain = mailbox.flatMap(m -> batch.<Optional<DomainState>>once(
                "domain#" + tenant.workspaceId() + "#" + m.domain(), () -> copies.domain(tenant, m.domain())))
                .filter(DomainState::eligibleForSending);
        if (mailbox.isEmpty() || domain.isEmpty()) {
            return defer(task, "mailbox or domain not eligible");
        }
        List<SequenceStep> sequence = campaign.get().definition().sequence();
        if (task.step() >= sequence.size()) {
            stop(tenant, enrolment, EnrolmentStatus.COMPLETED, null);
            return Result.of(Outcome.SKIPPED, "no such step");
        }
        // A place of the month is taken before the claim (decision 0065): concurrent sends never pass the plan.
        if (!quota.reserve(task.workspaceId(), now, batch)) {
            return defer(task, "sending quota");
        }

        SendClaim claim;
        if (existing.isPresent()) {
            SendClaim retry = existing.get();
            claim = retry.with(SendClaim.State.CLAIMED, retry.attempts() + 1, now, null);
            if (!claims.move(tenant, retry, claim, null)) {
                quota.giveBack(task.workspaceId(), now);
                return Result.of(Outcome.SKIPPED, "claimed meanwhile by another delivery");
            }
        } else {
            String variant = VariantPicker.pick(sequence.get(task.step()).variants(), enrolment.contactId(), task.step()).name();
            claim = new SendClaim(task.workspaceId(), enrolment.id(), task.step(), SendClaim.State.CLAIMED,
                    MessageIds.next(mailbox.get().domain(), now.toEpochMilli()), task.mailboxId(), variant, 1, now, null, 1);
            if (!claims.claim(tenant, claim)) {
                quota.giveBack(task.workspaceId(), now);
                return Result.of(Outcome.SKIPPED, "claimed by another delivery");
            }
        }
        crashHook.accept("claimed");

        BuiltMessage message;
        MailTransport transport;
        OutboxEntry owed;
        try {
            // Encoded (and checked against its schema) before the email leaves: nothing may fail between send and mark.
            owed = outbox.entry().event(DomainEvent.create(UsageEvents.EMAIL_SENT, task.workspaceId(),
                    new EmailSent(claim.messageId(), claim.mailboxId(), send(claim, enrolment)))).build();
            message = build(campaign.get(), enrolment, contact, claim, mailbox.get(), now);
            transport = transport(tenant, mailbox.get());
            if (transport != ses) {
                message = sign(tenant, domain.get(), message);
            }
        } catch (RuntimeException e) {
            // Nothing left: whatever failed here failed before the send, so trying again cannot send twice.
            LOG.warn("Send {} step {} could not be prepared: {}", claim.enrolmentId(), claim.step(), e.toString());
            return temporary(tenant, claim, enrolment, new SendResult.TemporaryFailure(0, "not prepared: " + e.getMessage(), null));
        }
        SendResult result = transport.send(message.envelopeFrom(), message.envelopeTo(), message.raw());
        if (result instanceof SendResult.Sent) {
            crashHook.accept("accepted");
            SendClaim marked = claim.with(SendClaim.State.SENT, claim.attempts(), now, null);
            if (!claims.move(tenant, claim, marked, owed)) {
                LOG.error("Claim {} step {} changed while its email left; its outcome is kept as it is", claim.enrolmentId(), claim.step());
                return Result.of(Outcome.UNKNOWN, "claim changed during the send");
            }
            crashHook.accept("marked-sent");
            return finish(tenant, marked, owed, enrolment, batch);
        } else if (result instanceof SendResult.TemporaryFailure t) {
            if (ambiguous(t)) {
                // No reply after the end of DATA: the server may have taken the email, so it is never resent.
                return unknown(tenant, claim, "no reply after the message was handed over: " + t.reason());
            }
            return temporary(tenant, claim, enrolment, t);
        }
        SendResult.PermanentFailure p = (SendResult.PermanentFailure) result;
        quota.giveBack(claim.workspaceId(), claim.claimedAt()); // refused: it did not leave
        if (p.scope() == SendResult.PermanentFailure.Scope.MAILBOX) {
            batch.forget(mailboxKey(tenant, task.mailboxId()));
            return holdMailbox(tenant, task, claim, mailbox.get(), p);
        }
        return fail(tenant, claim, enrolment, true, p.scope().name().toLowerCase(java.util.Locale.ROOT) + " " + p.code()
                + ": " + p.reason());
    }

    /**
     * The mailbox itself was refused (credentials, TLS, the SES account) before any message was handed over: the
     * contact is not to blame, so the mailbox is held, the claim given back and the send put off; the scheduler then
     * gives it another mailbox of the pool, or waits for this one to be connected again (decision 0067).
     */
    private Result holdMailbox(TenantContext tenant, SendTask task, SendClaim claim, MailboxState mailbox,
                               SendResult.PermanentFailure refusal) {
        String reason = refusal.reason() == null || refusal.reason().isBlank() ? "refused by its server" : refusal.reason();
        if (holds.hold(tenant, mailbox, refusal.code(), reason, time.now())) {
            LOG.warn("Mailbox {} held after its server refused it ({} {}): its sends wait", mailbox.mailboxId(),
                    refusal.code(), reason);
        }
        if (!claims.release(tenant, claim)) {
            return Result.of(Outcome.SKIPPED, "claim changed while the mailbox was refused");
        }
        return defer(task, "mailbox held: " + reason);
    }

    /**
     * Records the accepted email and advances the enrolment ({@code read}: as read before the send; null: read it
     * now); the claim is closed with the batch. Each step is safe to repeat.
     */
    private Result finish(TenantContext tenant, SendClaim claim, @Nullable OutboxEntry owed, @Nullable Enrolment read,
                          SendBatch batch) {
        Optional<Enrolment> found = read != null ? Optional.of(read) : enrolments.get(tenant, claim.enrolmentId());
        Instant now = time.now();
        found.ifPresent(enrolment -> {
            String hash = enrolment.contact() == null ? "erased" : enrolment.contact().emailHash();
            sent.record(new SentMessage(claim.workspaceId(), claim.messageId(), claim.mailboxId(), send(claim, enrolment),
                    hash, claim.claimedAt()));
            advance(tenant, enrolment, claim, now, batch);
        });
        batch.accepted(tenant, claim, owed);
        return Result.of(Outcome.SENT, claim.messageId());
    }

    /**
     * Closes the batch's accepted sends: the follow-ups' due entries are written in batched writes (this throws if
     * they cannot be: the batch's tasks must then be delivered again), their {@code email.sent} events go out in one
     * publish, then each claim is moved to {@code recorded} and cleared of its event in one write. An event not
     * published stays owed on its claim for the relay, and a claim left {@code sent} is finished again by a
     * redelivery.
     */
    public void close(SendBatch batch) {
        // The follow-ups' due entries first: if they cannot be written this throws, the claims stay sent, and the
        // redelivered tasks finish again, writing them then.
        due.putAll(batch.drainDues());
        List<SendBatch.Accepted> accepted = batch.drainAccepted();
        List<EncodedEvent> events = accepted.stream().map(SendBatch.Accepted::owed)
                .filter(owed -> owed != null && owed.puts().isEmpty()).flatMap(owed -> owed.events().stream()).toList();
        boolean published = false;
        if (!events.isEmpty()) {
            try {
                publisher.publishEncoded(events);
                published = true;
            } catch (RuntimeException e) {
                LOG.warn("{} email events not published yet, the relay will deliver them: {}", events.size(), e.toString());
            }
        }
        for (SendBatch.Accepted a : accepted) {
            try {
                boolean delivered = published && a.owed() != null && a.owed().puts().isEmpty();
                claims.close(a.tenant(), a.claim(), delivered ? a.owed() : null);
            } catch (RuntimeException e) {
                LOG.warn("Claim {} step {} left sent (a redelivery finishes it): {}", a.claim().enrolmentId(),
                        a.claim().step(), e.toString());
            }
        }
    }

    private void advance(TenantContext tenant, Enrolment enrolment, SendClaim claim, Instant now, SendBatch batch) {
        if (enrolment.status() == EnrolmentStatus.ACTIVE && enrolment.step() == claim.step() + 1
                && enrolment.messageIds().contains(claim.messageId())) {
            // Advanced by an earlier attempt of this finish, which may have stopped before its due entry was written.
            batch.due(new DueIndex.Due(tenant.workspaceId(), enrolment.id(), enrolment.step(), enrolment.dueAt()));
            return;
        }
        if (enrolment.status() != EnrolmentStatus.ACTIVE || enrolment.step() != claim.step()) {
            return; // advanced and completed by an earlier attempt of this finish, or stopped meanwhile
        }
        Campaign campaign = campaign(tenant, enrolment.campaignId(), batch).orElse(null);
        List<String> ids = new ArrayList<>(enrolment.messageIds());
        ids.add(claim.messageId());
        int next = claim.step() + 1;
        boolean more = campaign != null && next < campaign.definition().sequence().size();
        Instant dueAt = more ? StepDelays.after(now, campaign.definition().sequence().get(next).delay(),
                zone(campaign, enrolment.contact())) : enrolment.dueAt();
        Enrolment advanced = new Enrolment(enrolment.workspaceId(), enrolment.campaignId(), enrolment.contactId(),
                more ? EnrolmentStatus.ACTIVE : EnrolmentStatus.COMPLETED, null, more ? next : claim.step(), dueAt,
                claim.mailboxId(), ids, enrolment.contact(), enrolment.version() + 1);
        if (enrolments.replace(tenant, enrolment, advanced)) {
            if (more) {
                batch.due(new DueIndex.Due(tenant.workspaceId(), enrolment.id(), next, dueAt));
            }
            return;
        }
        // Changed meanwhile (a newer contact snapshot, a stop): advance the fresh copy, or it would wait forever.
        enrolments.get(tenant, enrolment.id()).ifPresent(fresh -> advance(tenant, fresh, claim, now, batch));
    }

    /** A send that surely did not leave (never called for an ambiguous one): its place of the month is given back. */
    private Result temporary(TenantContext tenant, SendClaim claim, Enrolment enrolment, SendResult.TemporaryFailure t) {
        quota.giveBack(claim.workspaceId(), claim.claimedAt());
        if (claim.attempts() >= settings.maxAttempts()) {
            return fail(tenant, claim, enrolment, false, "gave up after " + claim.attempts() + " attempts: " + t.reason());
        }
        claims.move(tenant, claim, claim.with(SendClaim.State.RETRY, claim.attempts(), claim.claimedAt(), t.reason()), null);
        Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(10, claim.attempts() - 1));
        if (t.notBefore() != null && t.notBefore().compareTo(backoff) > 0) {
            backoff = t.notBefore();
        }
        return new Result(Outcome.RETRY, backoff, t.reason());
    }

    private Result fail(TenantContext tenant, SendClaim claim, Enrolment enrolment, boolean permanent, String reason) {
        OutboxEntry owed = outbox.entry().event(DomainEvent.create(SendingEvents.EMAIL_FAILED, claim.workspaceId(),
                new EmailFailed(claim.mailboxId(), send(claim, enrolment), permanent, reason))).build();
        if (claims.move(tenant, claim, claim.with(SendClaim.State.FAILED, claim.attempts(), claim.claimedAt(), reason), owed)) {
            outbox.deliver(claims.table(), SendClaims.key(tenant, claim.enrolmentId(), claim.step()), owed);
        }
        stop(tenant, enrolment, EnrolmentStatus.FAILED, reason);
        return Result.of(Outcome.FAILED, reason);
    }

    /** A send that may or may not have left: it is never sent again (decision 0052). */
    private Result unknown(TenantContext tenant, SendClaim claim, String why) {
        LOG.warn("Send {} step {} (Message-ID {}) claimed at {} has no known outcome ({}): marked unknown, not resent",
                claim.enrolmentId(), claim.step(), claim.messageId(), claim.claimedAt(), why);
        claims.move(tenant, claim, claim.with(SendClaim.State.UNKNOWN, claim.attempts(), claim.claimedAt(), why), null);
        enrolments.get(tenant, claim.enrolmentId()).filter(e -> e.step() == claim.step())
                .ifPresent(e -> stop(tenant, e, EnrolmentStatus.UNKNOWN, "send-outcome-unknown"));
        return Result.of(Outcome.UNKNOWN, claim.messageId());
    }

    /**
     * Whether a temporary failure leaves it open if the email left: no reply after the whole message was handed over
     * (decision 0057). A server that refuses the connection, never greets or stalls before the end of DATA cannot
     * have taken the email: that is retried like any temporary failure.
     */
    static boolean ambiguous(SendResult.TemporaryFailure failure) {
        return failure.afterData();
    }

    private Result defer(SendTask task, String why) {
        due.put(new DueIndex.Due(task.workspaceId(), task.enrolmentId(), task.step(), time.now().plus(DEFERRAL)));
        return Result.of(Outcome.DEFERRED, why);
    }

    private void stop(TenantContext tenant, Enrolment enrolment, EnrolmentStatus status, @Nullable String reason) {
        if (enrolment.status() != EnrolmentStatus.ACTIVE) {
            return;
        }
        Enrolment stopped = new Enrolment(enrolment.workspaceId(), enrolment.campaignId(), enrolment.contactId(), status,
                reason, enrolment.step(), enrolment.dueAt(), enrolment.mailboxId(), enrolment.messageIds(),
                enrolment.contact(), enrolment.version() + 1);
        if (!enrolments.replace(tenant, enrolment, stopped)) {
            enrolments.get(tenant, enrolment.id()).ifPresent(fresh -> stop(tenant, fresh, status, reason));
        }
    }

    private Optional<Campaign> campaign(TenantContext tenant, String campaignId, SendBatch batch) {
        return batch.once("campaign#" + tenant.workspaceId() + "#" + campaignId, () -> campaigns.get(tenant, campaignId));
    }

    private static String claimKey(TenantContext tenant, SendTask task) {
        return "claim#" + tenant.workspaceId() + "#" + task.enrolmentId() + "#" + task.step();
    }

    private static String enrolmentKey(TenantContext tenant, String enrolmentId) {
        return "enrolment#" + tenant.workspaceId() + "#" + enrolmentId;
    }

    private static String mailboxKey(TenantContext tenant, String mailboxId) {
        return "mailbox#" + tenant.workspaceId() + "#" + mailboxId;
    }

    private BuiltMessage build(Campaign campaign, Enrolment enrolment, ContactState contact, SendClaim claim,
                               MailboxState mailbox, Instant now) {
        URI https = links.https(links.issue(claim.workspaceId(), claim.messageId(), enrolment.contactId(),
                enrolment.campaignId()));
        URI mailto = URI.create("mailto:" + mailbox.address() + "?subject=unsubscribe");
        Map<String, Object> sender = new HashMap<>();
        sender.put("email", mailbox.address());
        sender.put("name", mailbox.displayName() == null ? "" : mailbox.displayName());
        Map<String, Object> variables = ContactVariables.of(fields(contact), custom(contact),
                Map.of("unsubscribe_url", https.toString(), "sender", sender));
        RenderedEmail rendered = EmailRenderer.render(campaign.definition().sequence(), claim.step(), claim.variant(),
                enrolment.contactId(), variables, campaign.definition().unsubscribeFooter());
        List<String> previous = enrolment.messageIds();
        Conversation thread = rendered.replyInThread() && !previous.isEmpty()
                ? new Conversation(previous.get(previous.size() - 1), previous) : null;
        String name = String.join(" ", java.util.stream.Stream.of(contact.firstName(), contact.lastName())
                .filter(s -> s != null && !s.isBlank()).toList());
        OutgoingMessage outgoing = new OutgoingMessage(new Address(mailbox.address(), mailbox.displayName()),
                new Address(contact.email(), name.isBlank() ? null : name), rendered.subject(), rendered.text(),
                rendered.html(), claim.messageId().substring(0, claim.messageId().indexOf('@')), mailto, https, thread, now);
        return mime.build(outgoing, claim.messageId());
    }

    /** The mailbox's own SMTP server (signed by us), or SES (which signs with the domain's Easy DKIM). */
    private MailTransport transport(TenantContext tenant, MailboxState mailbox) {
        if (!"ses".equals(mailbox.provider()) && mailbox.smtp() != null) {
            SmtpAccount account = SmtpAccount.open(secrets, tenant.workspaceId(), mailbox.mailboxId(), mailbox.smtp());
            return smtp.forMailbox(account);
        }
        return ses;
    }

    private BuiltMessage sign(TenantContext tenant, DomainState domain, BuiltMessage message) {
        if (domain.dkimPrivateKeySealed() == null || domain.dkimPrivateKeySealed().isBlank()) {
            return message;
        }
        DkimSigningKey key = DkimSigningKey.open(secrets, domain.dkimPrivateKeySealed(), tenant.workspaceId(),
                domain.domain(), domain.dkimSelector());
        return new BuiltMessage(message.messageId(), message.envelopeFrom(), message.envelopeTo(),
                new DkimMessageSigner(key).sign(message.raw()));
    }

    private static CampaignSend send(SendClaim claim, Enrolment enrolment) {
        return new CampaignSend(enrolment.campaignId(), claim.enrolmentId(), enrolment.contactId(), claim.step(), claim.variant());
    }

    static ZoneId zone(@Nullable Campaign campaign, @Nullable ContactState contact) {
        if (contact != null && contact.timezone() != null) {
            try {
                return ZoneId.of(contact.timezone());
            } catch (RuntimeException unknown) {
                // fall back to the campaign's
            }
        }
        return campaign == null ? ZoneId.of("UTC") : ZoneId.of(campaign.definition().window().timezone());
    }

    private static Map<String, Object> fields(ContactState c) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("email", c.email());
        fields.put("first_name", c.firstName());
        fields.put("last_name", c.lastName());
        fields.put("company", c.company());
        fields.put("title", c.title());
        fields.put("phone", c.phone());
        fields.put("timezone", c.timezone());
        return fields;
    }

    private static Map<String, Object> custom(ContactState c) {
        Map<String, Object> custom = new HashMap<>();
        if (c.customFields() != null) {
            c.customFields().forEach(f -> custom.put(f.name(), f.value()));
        }
        return custom;
    }
}
