package dev.penguinmails.domains.health;

import dev.penguinmails.domains.blacklists.BlacklistChecker;
import dev.penguinmails.domains.blacklists.BlacklistItems;
import dev.penguinmails.domains.blacklists.BlacklistReport;
import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainProblems;
import dev.penguinmails.domains.catalog.DomainService;
import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.domains.verification.DnsSettings;
import dev.penguinmails.domains.verification.VerificationSummary;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A domain's health from what its item keeps (the last verification and blacklist check), and a blacklist check on
 * demand, kept on the item with a write conditional on the version read, as every change of a domain is.
 */
@Singleton
public class DomainHealth {
    private final DomainService domains;
    private final DomainStore store;
    private final BlacklistChecker blacklists;
    private final DnsSettings dns;

    DomainHealth(DomainService domains, DomainStore store, BlacklistChecker blacklists, DnsSettings dns) {
        this.domains = domains;
        this.store = store;
        this.blacklists = blacklists;
        this.dns = dns;
    }

    /** The health of the workspace's domain {@code name}; 404 when it has none. */
    public HealthView get(TenantContext tenant, String name) {
        DomainStore.Stored stored = stored(tenant, name);
        return view(stored.domain(), stored.item(), BlacklistItems.read(stored.item()).orElse(null));
    }

    /** Asks every blacklist now (nothing reused from the cache), keeps the answers and answers the new health. */
    public HealthView checkBlacklists(TenantContext tenant, String name) {
        DomainStore.Stored stored = stored(tenant, name);
        Domain current = stored.domain();
        BlacklistReport report = blacklists.check(current, dns.resolvers(), true);
        // The same domain at the next version: the check changes only what is kept beside it.
        Domain next = current.withKeys(current.dkimKeys(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (!store.replace(tenant, current, next, null, BlacklistItems.write(report))) {
            throw DomainProblems.changedMeanwhile();
        }
        return view(next, stored.item(), report);
    }

    private DomainStore.Stored stored(TenantContext tenant, String name) {
        // Through the catalog first, so a name is read as everywhere else (Unicode, case, trailing dot).
        Domain domain = domains.get(tenant, name);
        return store.getStored(tenant, domain.name()).orElseThrow(DomainProblems::notFound);
    }

    private static HealthView view(Domain domain, Map<String, AttributeValue> item, BlacklistReport report) {
        VerificationSummary summary = VerificationSummary.read(item).orElse(null);
        HealthScore score = HealthScore.of(summary, report);
        return new HealthView(domain.name(), domain.status().wireName(), score.score(), score.grade(), score.summary(),
                score.factors(), summary == null ? null : new HealthView.Dns(summary.checkedAt(), summary.outcome()), report);
    }
}
