package dev.penguinmails.domains.verification;

import dev.penguinmails.domains.blacklists.BlacklistChecker;
import dev.penguinmails.domains.blacklists.BlacklistItems;
import dev.penguinmails.domains.blacklists.BlacklistReport;
import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainClaims;
import dev.penguinmails.domains.catalog.DomainProblems;
import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.catalog.DomainStatus;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.domains.dns.DnsjavaLookup;
import dev.penguinmails.domains.dkim.DkimKey;
import dev.penguinmails.domains.dkim.KeyRotation;
import dev.penguinmails.domains.records.RecordSet;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.domains.DomainDegraded;
import dev.penguinmails.events.domains.DomainEvents;
import dev.penguinmails.events.domains.DomainFailed;
import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.domains.DomainVerified;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a domain's records against DNS and moves its status: PASSED makes it VERIFIED; FAILED makes a verified
 * (or degraded) domain DEGRADED, which stops its sending, and any other FAILED; UNKNOWN leaves it as it was. A
 * change of status publishes {@code domain.verified}, {@code domain.degraded} or {@code domain.failed} with the
 * domain's sending state, and so does a rotated DKIM key taking over on a domain that sends ({@link KeyRotation}).
 * A domain verifies only in the workspace that holds its name's claim ({@link DomainClaims}): passing takes a free or
 * lapsed claim, and a name another workspace holds with a verified copy fails the {@code ownership} check.
 */
@Singleton
public class DomainVerifier {
    private final DomainStore store;
    private final DomainChecks checks;
    private final RecordSet records;
    private final Outbox outbox;
    private final DnsSettings dns;
    private final DomainSettings settings;
    private final BlacklistChecker blacklists;
    private final DomainClaims claims;

    DomainVerifier(DomainStore store, DomainSettings settings, RecordSet records, Outbox outbox, DnsSettings dns,
                   BlacklistChecker blacklists, DomainClaims claims) {
        this.settings = settings;
        this.claims = claims;
        this.blacklists = blacklists;
        this.store = store;
        this.checks = new DomainChecks(settings, records);
        this.records = records;
        this.outbox = outbox;
        this.dns = dns;
    }

    /** A lookup over the configured resolvers; one per verification, so its query count is the verification's. */
    public DnsjavaLookup lookup() {
        return new DnsjavaLookup(dns.resolvers(), dns.timeout());
    }

    public Verification verify(TenantContext tenant, Domain current) {
        DnsjavaLookup lookup = lookup();
        List<DnsjavaLookup> each = lookup.perResolver();
        List<RecordCheck> results = new ArrayList<>(checks.run(current, lookup, each));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The last verification and blacklist results are kept beside the domain, for its health.
        Map<String, AttributeValue> also = new HashMap<>();
        long blacklistQueries = 0;
        Instant blacklistsChecked = store.getStored(tenant, current.name()).flatMap(s -> BlacklistItems.read(s.item()))
                .map(BlacklistReport::checkedAt).orElse(null);
        if (blacklists.due(blacklistsChecked, now)) {
            BlacklistReport report = blacklists.check(current, lookup.resolvers(), false);
            also.putAll(BlacklistItems.write(report));
            blacklistQueries = report.queries();
        }
        // Last before the write, so the claim's lease covers it.
        Optional<DomainClaims.Claim> claim = claim(tenant, current, results);
        try {
            Verification.Outcome outcome = Verification.of(results);
            DomainStatus status = next(current.status(), outcome);
            java.util.Set<String> verifiedSelectors = results.stream()
                    .filter(c -> c.purpose().equals("dkim") && c.state() == RecordCheck.Status.OK)
                    .map(c -> c.name().substring(0, c.name().indexOf('.'))).collect(java.util.stream.Collectors.toSet());
            List<DkimKey> keys = KeyRotation.step(current.dkimKeys(), verifiedSelectors, now, settings.dkimOverlap());
            Domain checked = new Domain(current.workspaceId(), current.name(), current.unicodeName(),
                    current.organizationalDomain(), status, keys, current.createdAt(), now,
                    status == DomainStatus.VERIFIED && current.status() != DomainStatus.VERIFIED ? now : current.verifiedAt(),
                    now, current.version() + 1);
            also.putAll(VerificationSummary.of(now, outcome, results).attributes());
            Verification verification = new Verification(checked, outcome, results,
                    lookup.queryCount() + each.stream().mapToLong(DnsjavaLookup::queryCount).sum() + blacklistQueries);
            // Sending needs to hear of a new status, and of a new signing key while the domain sends.
            boolean newSigner = !checked.activeKey().selector().equals(current.activeKey().selector());
            OutboxEntry owed = status == current.status() && !(newSigner && status.eligibleForSending()) ? null
                    : outbox.entry().event(event(tenant.workspaceId(), checked, verification.problems())).build();
            if (claim.isPresent() && !Instant.now().isBefore(claim.get().leaseUntil())) {
                throw DomainProblems.changedMeanwhile(); // too slow: another workspace may have taken the name since
            }
            if (!store.replace(tenant, current, checked, owed, also)) {
                throw DomainProblems.changedMeanwhile();
            }
            return verification;
        } finally {
            claim.ifPresent(taken -> claims.settle(current.name(), taken));
        }
    }

    /**
     * The name's claim, taken (or renewed) when the checks would make the domain verified. When another workspace's
     * copy holds it, an {@code ownership} check says so and the domain cannot verify here.
     */
    private Optional<DomainClaims.Claim> claim(TenantContext tenant, Domain current, List<RecordCheck> results) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Instant.now();
            Optional<DomainClaims.Claim> claim = claims.read(current.name());
            if (claims.standing(tenant, current.name(), claim, now) == DomainClaims.Standing.HELD_ELSEWHERE) {
                results.add(ownership(current.name()));
                return Optional.empty();
            }
            if (next(current.status(), Verification.of(results)) != DomainStatus.VERIFIED) {
                return Optional.empty();
            }
            Optional<DomainClaims.Claim> taken = claims.take(tenant, current.name(), claim, now);
            if (taken.isPresent()) {
                return taken;
            }
        }
        // Changed under us each time: another workspace's verification is taking it right now.
        results.add(ownership(current.name()));
        return Optional.empty();
    }

    private RecordCheck ownership(String name) {
        return new RecordCheck("ownership", name, "CLAIM", true, RecordCheck.Status.CLAIMED.wireName(),
                "verified in no other PenguinMails workspace", List.of("verified in another PenguinMails workspace"),
                List.of("error: every workspace publishes its DKIM key at the same selector, so a domain verifies and "
                        + "sends in one workspace only"),
                "Another PenguinMails workspace has verified " + name + ", so it cannot verify here. If your "
                        + "organisation controls it, publish this workspace's records (its DKIM record replaces the "
                        + "other workspace's key) and verify again once the other copy stops verifying (it is checked "
                        + "daily), or contact PenguinMails support to prove control.",
                null, null);
    }

    static DomainStatus next(DomainStatus current, Verification.Outcome outcome) {
        return switch (outcome) {
            case UNKNOWN -> current;
            case PASSED -> DomainStatus.VERIFIED;
            case FAILED -> current == DomainStatus.VERIFIED || current == DomainStatus.DEGRADED
                    ? DomainStatus.DEGRADED : DomainStatus.FAILED;
        };
    }

    private DomainEvent<?> event(String workspaceId, Domain d, List<String> problems) {
        DomainState state = new DomainState(d.name(), d.status().wireName(), d.status().eligibleForSending(),
                d.activeKey().selector(), d.activeKey().privateKeySealed(), records.returnPathDomain(d.name()),
                records.trackingDomain(d.name()), d.verifiedAt() == null ? null : d.verifiedAt().toString(), d.version());
        List<String> listed = problems.stream().limit(50).map(p -> p.length() > 500 ? p.substring(0, 500) : p).toList();
        return switch (d.status()) {
            case VERIFIED -> DomainEvent.create(DomainEvents.DOMAIN_VERIFIED, workspaceId, new DomainVerified(state, listed));
            case DEGRADED -> DomainEvent.create(DomainEvents.DOMAIN_DEGRADED, workspaceId, new DomainDegraded(state, listed));
            default -> DomainEvent.create(DomainEvents.DOMAIN_FAILED, workspaceId, new DomainFailed(state, listed));
        };
    }
}
