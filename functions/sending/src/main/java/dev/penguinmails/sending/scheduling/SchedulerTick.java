package dev.penguinmails.sending.scheduling;

import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.sending.campaigns.Campaign;
import dev.penguinmails.sending.campaigns.CampaignDefinition;
import dev.penguinmails.sending.campaigns.CampaignStatus;
import dev.penguinmails.sending.campaigns.CampaignStore;
import dev.penguinmails.sending.copies.SenderCopies;
import dev.penguinmails.sending.enrolments.Enrolment;
import dev.penguinmails.sending.enrolments.EnrolmentStatus;
import dev.penguinmails.sending.enrolments.EnrolmentStore;
import dev.penguinmails.sending.sender.SendQueue;
import dev.penguinmails.sending.sender.SendTask;
import dev.penguinmails.sending.sender.SendingQuota;
import dev.penguinmails.shared.concurrent.DaemonPool;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler tick (every minute, decision 0053): reads what is due from the {@link DueIndex} (no scan), and for
 * each due (enrolment, step) checks the campaign is active and the window open in the contact's zone (else the
 * campaign's), picks a mailbox (the conversation's own for a follow-up; otherwise the pool's least used today,
 * of the recipient's provider when asked and possible), reserves a send under the caps (mailbox: min of its daily
 * limit and warm-up ramp; campaign per mailbox; campaign), spaces sends on one mailbox by a random gap, and
 * enqueues the send task delayed to its slot. What cannot go now is moved to when it can. A workspace that billing
 * paused, or whose month's emails are used up, gets nothing enqueued (its {@link SendingQuota} allowance is read once
 * a workspace and tick; the sender still takes each email's place, decision 0065).
 *
 * <p>Cost (decision 0063): the due items are grouped by workspace and the workspaces scheduled in parallel
 * ({@link SchedulerSettings#parallelism()}), each by one thread, in order. A workspace's enrolments, and the mailbox
 * copies, domain copies and today's counters of the pools it uses, are read once a tick in batches, not once a due
 * item and pool mailbox; what the tick reserves itself is counted locally. Reserved sends are queued ten to an SQS
 * call and their due items deleted 25 to a DynamoDB call, {@value #FLUSH} at a time (decision 0076).
 */
@Singleton
public class SchedulerTick {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerTick.class);
    static final String ACTOR = "system:sending-scheduler";
    /** Most due items one tick handles; the rest stay due for the next. */
    static final int BATCH = 2_000;
    /** A paused campaign's or a busy pool's work is looked at again this much later. */
    static final Duration RECHECK = Duration.ofMinutes(15);
    /** A workspace whose month is used up is looked at again this much later (a new plan may raise it). */
    static final Duration QUOTA_RECHECK = Duration.ofHours(1);
    /** Reserved sends are queued and their due items deleted in groups of this many (batched calls). */
    static final int FLUSH = 100;
    /** Reservation writes one tick keeps in flight at once. */
    static final int RESERVATIONS_IN_FLIGHT = 16;

    private final DueIndex due;
    private final EnrolmentStore enrolments;
    private final CampaignStore campaigns;
    private final SenderCopies copies;
    private final DailyCounters counters;
    private final SendQueue queue;
    private final SendingTime time;
    private final SchedulerSettings settings;
    private final TickLease lease;
    private final SendingQuota quota;
    private final Random random = new SecureRandom();
    /** Writes the tick's reservations while it goes on scheduling (decision 0082); made on a tick's first use. */
    private final DaemonPool reservations = new DaemonPool("sending-tick-reservations", RESERVATIONS_IN_FLIGHT);
    private volatile Runnable leasedHook = () -> { };

    SchedulerTick(DueIndex due, EnrolmentStore enrolments, CampaignStore campaigns, SenderCopies copies,
                  DailyCounters counters, SendQueue queue, SendingTime time, SchedulerSettings settings, TickLease lease,
                  SendingQuota quota) {
        this.due = due;
        this.enrolments = enrolments;
        this.campaigns = campaigns;
        this.copies = copies;
        this.counters = counters;
        this.queue = queue;
        this.time = time;
        this.settings = settings;
        this.lease = lease;
        this.quota = quota;
    }

    /**
     * What one tick did; {@code swept}: items older than the due index's look-back brought back to now first;
     * {@code skipped} when another tick held the lease (decision 0064) and this one did nothing.
     */
    @Serdeable
    public record Summary(int due, int enqueued, int postponed, int dropped, int swept, boolean skipped) {
        static Summary skippedTick() {
            return new Summary(0, 0, 0, 0, 0, true);
        }
    }

    /** For tests: runs {@code hook} once the lease is taken, before the tick's work. */
    void whileLeased(Runnable hook) {
        this.leasedHook = hook == null ? () -> { } : hook;
    }

    /** Runs one tick under the {@link TickLease}; returns at once, skipped, while another tick holds it. */
    public Summary run() {
        Optional<TickLease.Held> held = lease.take();
        if (held.isEmpty()) {
            LOG.info("Tick skipped: another tick holds the lease");
            return Summary.skippedTick();
        }
        try {
            leasedHook.run();
            return schedule();
        } finally {
            if (!lease.release(held.get())) {
                LOG.warn("Tick outlasted its lease ({}): another tick may have run beside it", lease.length());
            }
        }
    }

    private Summary schedule() {
        Instant now = time.now();
        int swept = due.sweepStale(now, BATCH);
        List<DueIndex.Due> items = due.due(now, BATCH);
        Map<String, List<DueIndex.Due>> byWorkspace = new LinkedHashMap<>();
        items.forEach(i -> byWorkspace.computeIfAbsent(i.workspaceId(), k -> new ArrayList<>()).add(i));
        Map<Decision, AtomicInteger> counts = new HashMap<>();
        for (Decision d : Decision.values()) {
            counts.put(d, new AtomicInteger());
        }
        int threads = Math.max(1, Math.min(settings.parallelism(), byWorkspace.size()));
        if (threads == 1) {
            byWorkspace.forEach((ws, due) -> workspace(ws, due, now, counts));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> running = new ArrayList<>();
                byWorkspace.forEach((ws, due) -> running.add(pool.submit(() -> workspace(ws, due, now, counts))));
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("tick interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a workspace's scheduling failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Summary summary = new Summary(items.size(), counts.get(Decision.ENQUEUED).get(),
                counts.get(Decision.POSTPONED).get(), counts.get(Decision.DROPPED).get(), swept, false);
        LOG.info("Tick: {}", summary);
        return summary;
    }

    /** Schedules one workspace's due items, in order, reading its enrolments and pools in batches. */
    private void workspace(String workspaceId, List<DueIndex.Due> items, Instant now, Map<Decision, AtomicInteger> counts) {
        TenantContext tenant = TenantContext.system(workspaceId, ACTOR);
        Reads reads;
        try {
            reads = new Reads(tenant, enrolments.getAll(tenant, items.stream().map(DueIndex.Due::enrolmentId).toList()),
                    quota.allowance(workspaceId, now));
        } catch (RuntimeException e) {
            LOG.error("{} due items of {} not scheduled: their enrolments or quota could not be read", items.size(),
                    workspaceId, e);
            return;
        }
        for (DueIndex.Due item : items) {
            try {
                Decision decision = schedule(item, now, reads);
                if (decision != Decision.ENQUEUED) {
                    counts.get(decision).incrementAndGet();
                }
            } catch (RuntimeException e) {
                // Left in the index: the next tick tries again.
                LOG.error("Due {} step {} of {} not scheduled", item.enrolmentId(), item.step(), item.workspaceId(), e);
            }
            if (reads.pending.size() >= FLUSH) {
                flush(reads, now, counts);
            }
        }
        flush(reads, now, counts);
    }

    /**
     * Queues the reserved sends (ten a call) and then deletes the due items of those SQS accepted (25 a call). A send
     * SQS refused keeps its due item, and so does every send when the deletes fail: the next tick schedules them
     * again, and the sender's claim (decision 0052) turns a second task for one (enrolment, step) into no email.
     * What such a retry costs is a second reservation under today's caps: fewer sends, never more.
     */
    private void flush(Reads reads, Instant now, Map<Decision, AtomicInteger> counts) {
        if (reads.pending.isEmpty()) {
            return;
        }
        List<Pending> pending = new ArrayList<>();
        for (Pending p : reads.pending) {
            if (held(p)) {
                pending.add(p);
            } else {
                if (p.campaignCounter() != null) {
                    counters.release(reads.tenant, now, p.campaignCounter());
                }
                due.postpone(p.item(), now.plus(RECHECK));
                counts.get(Decision.POSTPONED).incrementAndGet();
            }
        }
        reads.pending.clear();
        if (pending.isEmpty()) {
            return;
        }
        Set<Integer> accepted = queue.enqueueAll(pending.stream().map(Pending::task).toList());
        List<DueIndex.Due> queued = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (accepted.contains(i)) {
                queued.add(pending.get(i).item());
            }
        }
        if (queued.size() < pending.size()) {
            LOG.error("{} of {} send tasks of {} were not queued; their due items stay for the next tick",
                    pending.size() - queued.size(), pending.size(), reads.tenant.workspaceId());
        }
        try {
            due.deleteAll(queued);
        } catch (RuntimeException e) {
            LOG.error("{} queued sends of {} keep their due items; the sender's claims absorb the repeat", queued.size(),
                    reads.tenant.workspaceId(), e);
        }
        counts.get(Decision.ENQUEUED).addAndGet(queued.size());
    }

    /** Whether the reservation's write held; a refused or failed one is looked at again later. */
    private static boolean held(Pending p) {
        try {
            if (Boolean.TRUE.equals(p.reservation().get())) {
                return true;
            }
            LOG.warn("Reservation for {} step {} refused: caps reached meanwhile", p.item().enrolmentId(), p.item().step());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tick interrupted", e);
        } catch (ExecutionException e) {
            LOG.error("Reservation for {} step {} not written", p.item().enrolmentId(), p.item().step(), e.getCause());
        }
        return false;
    }

    /** A send reserved under the caps, waiting to be queued with its group once its reservation is written. */
    private record Pending(DueIndex.Due item, SendQueue.Delayed task, Future<Boolean> reservation,
                           @Nullable String campaignCounter) { }

    /**
     * What one tick has read of one workspace: the due enrolments, the campaigns, and per pool mailbox whether it
     * may send (mailbox and domain copies) and how many sends it has today; each read once, in batches.
     */
    private final class Reads {
        final TenantContext tenant;
        final Map<String, Enrolment> enrolments;
        final Map<String, Optional<Campaign>> campaigns = new HashMap<>();
        final Map<String, Optional<MailboxState>> eligible = new HashMap<>();
        final Map<String, Boolean> domains = new HashMap<>();
        final Map<String, Integer> used = new HashMap<>();
        /** Per pool mailbox and campaign ({@code <mailbox>#<campaign>}): its sends today, as read and reserved. */
        final Map<String, Integer> usedBy = new HashMap<>();
        /** When each pool mailbox may send next (its random gap), as read and then as this tick moved it. */
        final Map<String, Instant> freeAt = new HashMap<>();
        /** Each pool mailbox's latest reservation write, which its next one waits for. */
        final Map<String, CompletableFuture<Boolean>> writes = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();
        /** Billing's pause, and the month's emails left less what this tick enqueued (decision 0065). */
        final boolean paused;
        long remaining;

        Reads(TenantContext tenant, Map<String, Enrolment> enrolments, SendingQuota.Allowance allowance) {
            this.tenant = tenant;
            this.enrolments = enrolments;
            this.paused = allowance.paused();
            this.remaining = allowance.remaining();
        }

        Optional<Campaign> campaign(String campaignId) {
            return campaigns.computeIfAbsent(campaignId, id -> SchedulerTick.this.campaigns.get(tenant, id));
        }

        /** The eligible mailboxes among {@code ids}, in their order; reads what this tick has not read yet. */
        List<MailboxState> eligible(Collection<String> ids, Instant now) {
            List<String> unread = ids.stream().filter(id -> !eligible.containsKey(id)).distinct().toList();
            if (!unread.isEmpty()) {
                Map<String, MailboxState> found = copies.mailboxes(tenant, unread);
                List<String> newDomains = found.values().stream().map(MailboxState::domain)
                        .filter(d -> !domains.containsKey(d)).distinct().toList();
                if (!newDomains.isEmpty()) {
                    var read = copies.domains(tenant, newDomains);
                    newDomains.forEach(d -> domains.put(d, read.containsKey(d) && read.get(d).eligibleForSending()));
                }
                List<String> ok = new ArrayList<>();
                for (String id : unread) {
                    Optional<MailboxState> m = Optional.ofNullable(found.get(id)).filter(MailboxState::eligibleForSending)
                            .filter(x -> domains.getOrDefault(x.domain(), false));
                    eligible.put(id, m);
                    m.ifPresent(x -> ok.add(id));
                }
                if (!ok.isEmpty()) {
                    Map<String, DailyCounters.MailboxDay> days = counters.mailboxes(tenant, ok, now);
                    ok.forEach(id -> {
                        used.put(id, days.containsKey(id) ? days.get(id).count() : 0);
                        if (days.containsKey(id)) {
                            days.get(id).perCampaign().forEach((campaign, n) -> usedBy.put(id + "#" + campaign, n));
                        }
                        freeAt.put(id, days.containsKey(id) ? days.get(id).freeAt() : Instant.EPOCH);
                    });
                }
            }
            List<MailboxState> out = new ArrayList<>();
            ids.forEach(id -> eligible.get(id).ifPresent(out::add));
            return out;
        }

        int used(String mailboxId) {
            return used.getOrDefault(mailboxId, 0);
        }

        int usedBy(String mailboxId, String campaignId) {
            return usedBy.getOrDefault(mailboxId + "#" + campaignId, 0);
        }

        void reserved(String mailboxId, String campaignId) {
            used.merge(mailboxId, 1, Integer::sum);
            usedBy.merge(mailboxId + "#" + campaignId, 1, Integer::sum);
        }
    }

    private enum Decision { ENQUEUED, POSTPONED, DROPPED }

    private Decision schedule(DueIndex.Due item, Instant now, Reads reads) {
        TenantContext tenant = reads.tenant;
        Optional<Enrolment> found = Optional.ofNullable(reads.enrolments.get(item.enrolmentId()));
        if (found.isEmpty() || found.get().status() != EnrolmentStatus.ACTIVE || found.get().step() != item.step()) {
            due.delete(item);
            return Decision.DROPPED;
        }
        Enrolment enrolment = found.get();
        Optional<Campaign> campaign = reads.campaign(enrolment.campaignId());
        if (campaign.isEmpty() || campaign.get().status() == CampaignStatus.ARCHIVED
                || campaign.get().status() == CampaignStatus.COMPLETED) {
            due.delete(item);
            return Decision.DROPPED;
        }
        if (campaign.get().status() != CampaignStatus.ACTIVE) {
            due.postpone(item, now.plus(RECHECK));
            return Decision.POSTPONED;
        }
        CampaignDefinition definition = campaign.get().definition();
        ZoneId zone = zone(definition, enrolment.contact());
        if (!SendingWindows.open(definition.window(), zone, now)) {
            due.postpone(item, SendingWindows.nextOpening(definition.window(), zone, now));
            return Decision.POSTPONED;
        }
        if (reads.paused) {
            due.postpone(item, now.plus(RECHECK));
            return Decision.POSTPONED;
        }
        if (reads.remaining <= 0) {
            due.postpone(item, now.plus(QUOTA_RECHECK));
            return Decision.POSTPONED;
        }
        Integer campaignCap = definition.limits().dailyPerCampaign();
        String campaignCounter = "CAMPAIGN#" + campaign.get().id();
        if (campaignCap != null && !counters.reserve(tenant, now, campaignCounter, campaignCap)) {
            due.postpone(item, tomorrow(now));
            return Decision.POSTPONED;
        }
        for (MailboxState mailbox : candidates(reads, definition, enrolment, now)) {
            Optional<Slot> slot = reserve(reads, now, campaign.get(), mailbox);
            if (slot.isPresent()) {
                reads.reserved(mailbox.mailboxId(), campaign.get().id());
                reads.remaining--;
                reads.pending.add(new Pending(item, new SendQueue.Delayed(
                        new SendTask(item.workspaceId(), item.enrolmentId(), item.step(), mailbox.mailboxId()),
                        Duration.between(now, slot.get().at())), slot.get().written(), campaignCap != null ? campaignCounter : null));
                return Decision.ENQUEUED;
            }
        }
        if (campaignCap != null) {
            counters.release(tenant, now, campaignCounter);
        }
        due.postpone(item, now.plus(RECHECK));
        return Decision.POSTPONED;
    }

    /**
     * The mailboxes that may send this enrolment's step, best first: a follow-up only through the conversation's
     * mailbox; otherwise the pool's eligible mailboxes, the recipient's provider first when the campaign asks, then
     * the least used today (round-robin) or in random order.
     */
    private List<MailboxState> candidates(Reads reads, CampaignDefinition definition, Enrolment enrolment, Instant now) {
        List<String> ids = enrolment.mailboxId() != null ? List.of(enrolment.mailboxId()) : definition.mailboxes().mailboxIds();
        List<MailboxState> eligible = reads.eligible(ids, now);
        Comparator<MailboxState> order = "random".equals(definition.mailboxes().rotation())
                ? Comparator.comparingInt(m -> random.nextInt())
                : Comparator.comparingInt(m -> reads.used(m.mailboxId()));
        String provider = enrolment.contact() == null ? null : provider(enrolment.contact().email());
        if (definition.mailboxes().matchProvider() && provider != null) {
            order = Comparator.<MailboxState>comparingInt(m -> provider.equals(providerOf(m)) ? 0 : 1).thenComparing(order);
        }
        eligible.sort(order);
        return eligible;
    }

    /** A reserved slot: when the send may go, and the reservation's conditional write (true: it held). */
    private record Slot(Instant at, CompletableFuture<Boolean> written) { }

    /**
     * Reserves the mailbox's next slot under its caps; the slot is now or when its gap ends (within SQS's delay). The
     * caps are checked against the tick's batched read plus its own reservations (only the tick, one at a time,
     * decision 0064, reserves), and the conditional write that enforces them is sent without waiting: the flush
     * waits for it, and a write the table refused (the read was stale) sends nothing (decision 0082).
     */
    private Optional<Slot> reserve(Reads reads, Instant now, Campaign campaign, MailboxState mailbox) {
        TenantContext tenant = reads.tenant;
        CampaignDefinition.SendingLimits limits = campaign.definition().limits();
        int cap = mailboxCap(mailbox, now);
        if (reads.used(mailbox.mailboxId()) >= cap
                || reads.usedBy(mailbox.mailboxId(), campaign.id()) >= limits.dailyPerMailbox()) {
            return Optional.empty();
        }
        Instant freeAt = reads.freeAt.getOrDefault(mailbox.mailboxId(), Instant.EPOCH);
        Instant slot = freeAt.isAfter(now) ? freeAt : now;
        if (Duration.between(now, slot).compareTo(SendQueue.MAX_DELAY) >= 0) {
            return Optional.empty();
        }
        int gap = limits.gapMinSeconds() + (limits.gapMaxSeconds() > limits.gapMinSeconds()
                ? random.nextInt(limits.gapMaxSeconds() - limits.gapMinSeconds() + 1) : 0);
        Instant next = slot.plusSeconds(gap);
        // One mailbox's writes go in order, so that its stored gap end only moves forward.
        CompletableFuture<Boolean> written = reads.writes.getOrDefault(mailbox.mailboxId(), CompletableFuture.completedFuture(true))
                .handleAsync((previous, failed) -> counters.reserveMailbox(tenant, now, mailbox.mailboxId(), cap,
                        campaign.id(), limits.dailyPerMailbox(), next), reservations.get());
        reads.writes.put(mailbox.mailboxId(), written);
        reads.freeAt.put(mailbox.mailboxId(), next);
        return Optional.of(new Slot(slot, written));
    }

    /** The mailbox's cap today: its daily limit, or less while its warm-up ramps up. */
    static int mailboxCap(MailboxState mailbox, Instant now) {
        int cap = mailbox.dailyLimit();
        if (mailbox.warmupEnabled() && mailbox.warmupStartedOn() != null) {
            long days = ChronoUnit.DAYS.between(LocalDate.parse(mailbox.warmupStartedOn()), LocalDate.ofInstant(now, ZoneOffset.UTC));
            long ramp = mailbox.warmupStartPerDay() + Math.max(0, days) * mailbox.warmupIncreasePerDay();
            cap = (int) Math.min(cap, ramp);
        }
        return Math.max(0, cap);
    }

    private static Instant tomorrow(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static ZoneId zone(CampaignDefinition definition, ContactState contact) {
        if (contact != null && contact.timezone() != null) {
            try {
                return ZoneId.of(contact.timezone());
            } catch (RuntimeException unknown) {
                // the campaign's then
            }
        }
        return ZoneId.of(definition.window().timezone());
    }

    /** The recipient's provider guessed from well-known domains (an MX lookup would catch hosted domains too). */
    static String provider(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return switch (domain) {
            case "gmail.com", "googlemail.com" -> "google";
            case "outlook.com", "hotmail.com", "live.com", "msn.com" -> "microsoft";
            default -> null;
        };
    }

    private static String providerOf(MailboxState mailbox) {
        String p = mailbox.provider() == null ? "" : mailbox.provider().toLowerCase(Locale.ROOT);
        return p.contains("google") || p.contains("gmail") ? "google"
                : p.contains("microsoft") || p.contains("outlook") || p.contains("office") ? "microsoft" : p;
    }
}
