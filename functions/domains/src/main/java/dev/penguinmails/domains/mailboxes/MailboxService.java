package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.domains.mailboxes.connection.ConnectionResult;
import dev.penguinmails.domains.mailboxes.connection.ConnectionTester;
import dev.penguinmails.domains.mailboxes.connection.LoginAttempt;
import dev.penguinmails.domains.mailboxes.connection.MailProtocol;
import dev.penguinmails.domains.plans.MailboxLimit;
import dev.penguinmails.domains.ses.SesIdentities;
import dev.penguinmails.domains.ses.SesIdentityStatus;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.mailboxes.MailboxConnected;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxRemoved;
import dev.penguinmails.events.mailboxes.MailboxUpdated;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connecting, changing, testing and removing a workspace's mailboxes. An SMTP mailbox is kept only once a live
 * login to its SMTP and IMAP servers passed; an SES mailbox once its domain's SES identity exists. Every change
 * publishes the mailbox's whole state, so sending keeps its own copy.
 */
@Singleton
public class MailboxService {
    private final MailboxStore store;
    private final DomainStore domains;
    private final MailboxAddresses addresses;
    private final ConnectionTester tester;
    private final MailboxCredentials credentials;
    private final SesIdentities ses;
    private final Outbox outbox;
    private final MailboxSettings settings;
    private final MailboxLimit limit;
    private final Clock clock;

    MailboxService(MailboxStore store, DomainStore domains, MailboxAddresses addresses, ConnectionTester tester,
                   MailboxCredentials credentials, SesIdentities ses, Outbox outbox, MailboxSettings settings,
                   MailboxLimit limit) {
        this.store = store;
        this.domains = domains;
        this.addresses = addresses;
        this.tester = tester;
        this.credentials = credentials;
        this.ses = ses;
        this.outbox = outbox;
        this.settings = settings;
        this.limit = limit;
        this.clock = Clock.systemUTC();
    }

    public Mailbox connect(TenantContext tenant, MailboxRequests.Connect body) {
        MailboxAddresses.Address address = addresses.parse(body.address());
        Domain domain = domains.get(tenant, address.domain()).orElseThrow(() -> ProblemException.invalid("address",
                "is on " + address.domain() + ", which this workspace has not added; add the domain first "
                        + "(POST .../domains), then connect its mailboxes"));
        String id = MailboxIds.of(tenant.workspaceId(), address.value());
        Optional<Mailbox> previous = store.find(tenant, id);
        if (previous.isPresent() && previous.get().status() != Mailbox.Status.REMOVED) {
            throw MailboxProblems.exists(address.value(), id);
        }
        // Before any login or SES call: a refused mailbox costs nothing. The address itself is not live here
        // (absent or removed), so connecting it again never counts it twice.
        limit.requirePlaceForMailbox(tenant, Page.all(page -> store.list(tenant, page)).stream()
                .filter(m -> !m.id().equals(id)).count());
        Mailbox.Provider provider = "ses".equals(body.provider()) ? Mailbox.Provider.SES : Mailbox.Provider.SMTP;
        int dailyLimit = dailyLimit(body.dailyLimit() == null ? settings.defaultDailyLimit() : body.dailyLimit());
        Warmup warmup = warmup(body.warmup(), null, today());
        Instant now = now();
        long version = previous.map(p -> p.version() + 1).orElse(1L);
        Mailbox mailbox;
        if (provider == Mailbox.Provider.SES) {
            if (body.smtp() != null || body.imap() != null) {
                throw ProblemException.invalid("provider", "ses mailboxes send through SES: leave smtp and imap out");
            }
            SesIdentityStatus identity = ses.ensure(tenant, domain);
            mailbox = new Mailbox(tenant.workspaceId(), id, address.value(), domain.name(), blankToNull(body.displayName()),
                    provider, identity.verifiedForSending() ? Mailbox.Status.CONNECTED : Mailbox.Status.FAILING,
                    null, null, dailyLimit, warmup, blankToNull(body.signatureHtml()),
                    new ConnectionSummary(now, identity.verifiedForSending(), identity.failure(domain.name())), null,
                    now, now, version);
        } else {
            MailboxRequests.Server smtp = required(body.smtp(), "smtp");
            MailboxRequests.Server imap = required(body.imap(), "imap");
            List<ConnectionResult> results = tester.test(List.of(attempt(MailProtocol.SMTP, smtp, address.value()),
                    attempt(MailProtocol.IMAP, imap, address.value())));
            if (results.stream().anyMatch(r -> !r.passed())) {
                throw MailboxProblems.connectionFailed(results);
            }
            mailbox = new Mailbox(tenant.workspaceId(), id, address.value(), domain.name(), blankToNull(body.displayName()),
                    provider, Mailbox.Status.CONNECTED,
                    credentials.seal(tenant.workspaceId(), id, MailProtocol.SMTP, smtp, address.value()),
                    credentials.seal(tenant.workspaceId(), id, MailProtocol.IMAP, imap, address.value()),
                    dailyLimit, warmup, blankToNull(body.signatureHtml()), new ConnectionSummary(now, true, null), null,
                    now, now, version);
        }
        OutboxEntry owed = event(tenant, MailboxEvents.MAILBOX_CONNECTED, new MailboxConnected(MailboxStates.of(mailbox)));
        boolean written = previous.isPresent() ? store.replace(tenant, previous.get(), mailbox, owed)
                : store.create(tenant, mailbox, owed);
        if (!written) {
            throw MailboxProblems.exists(address.value(), id);
        }
        return mailbox;
    }

    public Mailbox get(TenantContext tenant, String id) {
        if (!MailboxIds.wellFormed(id)) {
            throw MailboxProblems.notFound();
        }
        return store.get(tenant, id).orElseThrow(MailboxProblems::notFound);
    }

    public Page<Mailbox> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page);
    }

    /** Changes settings; new server settings are tested first and kept only if the login passes. */
    public Mailbox update(TenantContext tenant, String id, MailboxRequests.Update body) {
        Mailbox current = get(tenant, id);
        if (current.provider() == Mailbox.Provider.SES && (body.smtp() != null || body.imap() != null)) {
            throw ProblemException.invalid("provider", "ses mailboxes send through SES: they have no smtp or imap");
        }
        List<LoginAttempt> attempts = new ArrayList<>();
        if (body.smtp() != null) {
            attempts.add(attempt(MailProtocol.SMTP, body.smtp(), current.address()));
        }
        if (body.imap() != null) {
            attempts.add(attempt(MailProtocol.IMAP, body.imap(), current.address()));
        }
        List<ConnectionResult> results = attempts.isEmpty() ? List.of() : tester.test(attempts);
        if (results.stream().anyMatch(r -> !r.passed())) {
            throw MailboxProblems.connectionFailed(results);
        }
        int dailyLimit = body.dailyLimit() == null ? current.dailyLimit() : dailyLimit(body.dailyLimit());
        Warmup warmup = body.warmup() == null ? current.warmup() : warmup(body.warmup(), current.warmup(), today());
        Instant now = now();
        Mailbox next = current.next(b -> {
            b.dailyLimit(dailyLimit).warmup(warmup);
            if (body.displayName() != null) {
                b.displayName(blankToNull(body.displayName()));
            }
            if (body.signatureHtml() != null) {
                b.signatureHtml(blankToNull(body.signatureHtml()));
            }
            if (body.smtp() != null) {
                b.smtp(credentials.seal(tenant.workspaceId(), id, MailProtocol.SMTP, body.smtp(), current.address()));
            }
            if (body.imap() != null) {
                b.imap(credentials.seal(tenant.workspaceId(), id, MailProtocol.IMAP, body.imap(), current.address()));
            }
            if (!attempts.isEmpty() && current.provider() == Mailbox.Provider.SMTP) {
                // Both servers are known good only if the one not given passed its last test too.
                boolean bothGood = attempts.size() == 2 || current.status() == Mailbox.Status.CONNECTED;
                b.status(bothGood ? Mailbox.Status.CONNECTED : Mailbox.Status.FAILING)
                        .lastTest(new ConnectionSummary(now, bothGood, bothGood ? null : current.lastTest().failure()));
            }
            return b;
        }, now);
        if (!store.replace(tenant, current, next, event(tenant, MailboxEvents.MAILBOX_UPDATED,
                new MailboxUpdated(MailboxStates.of(next))))) {
            throw MailboxProblems.changedMeanwhile();
        }
        return next;
    }

    /** Tests the mailbox now and keeps the outcome; a change of status publishes {@code mailbox.updated}. */
    public TestOutcome test(TenantContext tenant, String id) {
        Mailbox current = get(tenant, id);
        Instant now = now();
        List<ConnectionResult> results = List.of();
        ConnectionSummary summary;
        if (current.provider() == Mailbox.Provider.SES) {
            Domain domain = domains.get(tenant, current.domain()).orElseThrow(MailboxProblems::notFound);
            SesIdentityStatus identity = ses.ensure(tenant, domain);
            summary = new ConnectionSummary(now, identity.verifiedForSending(), identity.failure(domain.name()));
        } else {
            results = tester.test(List.of(credentials.open(tenant.workspaceId(), id, MailProtocol.SMTP, current.smtp()),
                    credentials.open(tenant.workspaceId(), id, MailProtocol.IMAP, current.imap())));
            boolean passed = results.stream().allMatch(ConnectionResult::passed);
            summary = new ConnectionSummary(now, passed, passed ? null
                    : results.stream().filter(r -> !r.passed()).findFirst().map(ConnectionResult::summary).orElse(null));
        }
        Mailbox.Status status = summary.passed() ? Mailbox.Status.CONNECTED : Mailbox.Status.FAILING;
        Mailbox next = current.next(b -> b.status(status).lastTest(summary), now);
        OutboxEntry owed = status == current.status() ? null
                : event(tenant, MailboxEvents.MAILBOX_UPDATED, new MailboxUpdated(MailboxStates.of(next)));
        if (!store.replace(tenant, current, next, owed)) {
            throw MailboxProblems.changedMeanwhile();
        }
        return new TestOutcome(next, results);
    }

    /** What a test found and the mailbox after it. */
    public record TestOutcome(Mailbox mailbox, List<ConnectionResult> results) { }

    /** Removes the mailbox and drops its credentials; sending forgets it on {@code mailbox.removed}. */
    public void remove(TenantContext tenant, String id) {
        Mailbox current = get(tenant, id);
        if (!removeMailbox(tenant, current)) {
            throw MailboxProblems.changedMeanwhile();
        }
    }

    /**
     * Removes every live mailbox on {@code domain}, as the domain leaves the workspace; safe to repeat, since removed
     * ones are no longer listed. One changed meanwhile stops it (409), so the domain stays until a retry.
     */
    public void removeAllOn(TenantContext tenant, String domain) {
        for (Mailbox mailbox : Page.all(page -> store.list(tenant, page))) {
            if (mailbox.domain().equals(domain) && !removeMailbox(tenant, mailbox)) {
                throw MailboxProblems.changedMeanwhile();
            }
        }
    }

    private boolean removeMailbox(TenantContext tenant, Mailbox current) {
        Mailbox removed = current.next(b -> b.status(Mailbox.Status.REMOVED).smtp(null).imap(null), now());
        return store.replace(tenant, current, removed, event(tenant, MailboxEvents.MAILBOX_REMOVED,
                new MailboxRemoved(removed.id(), removed.address(), removed.version())));
    }

    private LoginAttempt attempt(MailProtocol protocol, MailboxRequests.Server server, String address) {
        return new LoginAttempt(protocol, server.host().strip().toLowerCase(java.util.Locale.ROOT), server.port(),
                MailboxCredentials.security(server.security()),
                server.username() == null || server.username().isBlank() ? address : server.username().strip(),
                server.password());
    }

    private int dailyLimit(int requested) {
        if (requested > settings.maxDailyLimit()) {
            throw ProblemException.invalid("dailyLimit", "must be at most " + settings.maxDailyLimit()
                    + ": more from one mailbox hurts its reputation; connect more mailboxes instead");
        }
        return requested;
    }

    /** A new ramp starts today; changing the figures of a running one keeps its start. */
    private Warmup warmup(MailboxRequests.Ramp ramp, Warmup current, LocalDate today) {
        if (ramp == null) {
            return new Warmup(true, settings.warmupStartPerDay(), settings.warmupIncreasePerDay(), today);
        }
        int start = ramp.startPerDay() != null ? ramp.startPerDay()
                : current != null ? current.startPerDay() : settings.warmupStartPerDay();
        int increase = ramp.increasePerDay() != null ? ramp.increasePerDay()
                : current != null ? current.increasePerDay() : settings.warmupIncreasePerDay();
        if (!ramp.enabled()) {
            return new Warmup(false, start, increase, null);
        }
        LocalDate startedOn = current != null && current.enabled() && current.startedOn() != null ? current.startedOn() : today;
        return new Warmup(true, start, increase, startedOn);
    }

    private OutboxEntry event(TenantContext tenant, dev.penguinmails.events.EventType<? extends Record> type, Record payload) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        DomainEvent<?> event = DomainEvent.create((dev.penguinmails.events.EventType) type, tenant.workspaceId(), payload);
        return outbox.entry().event(event).build();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required for an smtp mailbox");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
