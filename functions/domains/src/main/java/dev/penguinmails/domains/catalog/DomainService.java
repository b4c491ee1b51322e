package dev.penguinmails.domains.catalog;

import dev.penguinmails.domains.dkim.DkimKey;
import dev.penguinmails.domains.dkim.DkimKeyMaker;
import dev.penguinmails.domains.names.DomainName;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.domains.DomainAdded;
import dev.penguinmails.events.domains.DomainEvents;
import dev.penguinmails.events.domains.DomainRemoved;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Adding, reading and removing a workspace's sending domains. A new domain gets its own DKIM key (selector
 * {@value #FIRST_SELECTOR}) at once, so the records to publish are complete from the first answer.
 */
@Singleton
public class DomainService {
    static final String FIRST_SELECTOR = "pm1";

    private final DomainStore store;
    private final DkimKeyMaker keys;
    private final Outbox outbox;
    private final DomainSettings settings;
    private final List<DomainRemovalStep> removalSteps;
    private final DomainClaims claims;

    DomainService(DomainStore store, DkimKeyMaker keys, Outbox outbox, DomainSettings settings,
                  List<DomainRemovalStep> removalSteps, DomainClaims claims) {
        this.store = store;
        this.claims = claims;
        this.keys = keys;
        this.outbox = outbox;
        this.settings = settings;
        this.removalSteps = removalSteps.stream().sorted(java.util.Comparator.comparingInt(DomainRemovalStep::getOrder))
                .toList();
    }

    public Domain add(TenantContext tenant, String input) {
        DomainName name = parse(input);
        if (store.get(tenant, name.ascii()).isPresent()) {
            throw DomainProblems.exists(name.ascii());
        }
        // Only a verified copy elsewhere refuses it: a name merely added elsewhere must not block its real owner.
        if (claims.heldElsewhere(tenant, name.ascii())) {
            throw DomainProblems.claimed(name.ascii());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DkimKey key = keys.make(tenant.workspaceId(), name.ascii(), FIRST_SELECTOR, DkimKey.State.ACTIVE);
        Domain domain = new Domain(tenant.workspaceId(), name.ascii(), name.unicode(), name.organizational(),
                DomainStatus.PENDING, List.of(key), now, now, null, null, 1);
        var owed = outbox.entry().event(DomainEvent.create(DomainEvents.DOMAIN_ADDED, tenant.workspaceId(),
                new DomainAdded(domain.name(), domain.subdomain(), key.selector(), domain.version()))).build();
        if (!store.create(tenant, domain, owed)) {
            throw DomainProblems.exists(name.ascii());
        }
        return domain;
    }

    public Domain get(TenantContext tenant, String name) {
        return store.get(tenant, normalise(name)).orElseThrow(DomainProblems::notFound);
    }

    public Page<Domain> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page);
    }

    /**
     * Removes the domain after what leaves with it (its mailboxes, its SES identity); its keys go with it, and
     * sending forgets it on {@code domain.removed}. If a step fails the domain stays, and removing it again resumes.
     */
    public void remove(TenantContext tenant, String name) {
        DomainStore.Stored stored = store.getStored(tenant, normalise(name)).orElseThrow(DomainProblems::notFound);
        removalSteps.forEach(step -> step.beforeRemoval(tenant, stored));
        Domain current = stored.domain();
        Domain removed = new Domain(current.workspaceId(), current.name(), current.unicodeName(),
                current.organizationalDomain(), DomainStatus.REMOVED, current.dkimKeys(), current.createdAt(),
                Instant.now(), current.verifiedAt(), current.checkedAt(), current.version() + 1);
        var owed = outbox.entry().event(DomainEvent.create(DomainEvents.DOMAIN_REMOVED, tenant.workspaceId(),
                new DomainRemoved(removed.name(), removed.version()))).build();
        if (!store.replace(tenant, current, removed, owed)) {
            throw DomainProblems.changedMeanwhile();
        }
        // After the removal: if this stops, the claim of a removed copy binds no one anyway.
        claims.release(tenant, removed.name());
    }

    private DomainName parse(String input) {
        DomainName.Parsed parsed = DomainName.parse(input, settings.privateSuffixes());
        DomainName name = parsed.name().orElseThrow(() -> ProblemException.invalid("name", parsed.refusal()));
        if (settings.reserved().stream().anyMatch(name::isAtOrUnder)) {
            throw ProblemException.invalid("name", "is one of PenguinMails' own domains");
        }
        return name;
    }

    /** A name from a path: the same parsing, so {@code Acme.COM.} and {@code bücher.de} find their domain. */
    private String normalise(String name) {
        return DomainName.parse(name, settings.privateSuffixes()).name().map(DomainName::ascii)
                .orElseThrow(DomainProblems::notFound);
    }
}
