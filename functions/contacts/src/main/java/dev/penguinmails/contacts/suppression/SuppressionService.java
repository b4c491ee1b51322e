package dev.penguinmails.contacts.suppression;

import com.google.common.net.InternetDomainName;
import dev.penguinmails.contacts.model.EmailAddress;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.contacts.SuppressionAdded;
import dev.penguinmails.events.contacts.SuppressionRemoved;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Adding, listing and removing a workspace's suppression entries; each change owes its {@code suppression.*} event. */
@Singleton
public class SuppressionService {
    public static final ProblemType CHANGED_MEANWHILE =
            ProblemType.of("suppression-changed", "The suppression entry was changed meanwhile", 409);

    private final SuppressionStore store;
    private final Outbox outbox;

    SuppressionService(SuppressionStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** The outcome of an add: the entry, and whether this call made it (false: it was there already). */
    public record Added(Suppression entry, boolean created) { }

    /**
     * Suppresses an address or a domain (exactly one given). An entry that exists already is answered as it is.
     *
     * @param keepAddress false to keep only the address's hash (an erasure's entry)
     */
    public Added add(TenantContext tenant, @Nullable String email, @Nullable String domain, Suppression.Reason reason,
                     String source, boolean keepAddress) {
        return save(tenant, draft(tenant, email, domain, reason, source, keepAddress));
    }

    /**
     * Suppresses an address known only by its hash ({@link EmailHashes#of}), e.g. the recipient of an unsubscribe
     * link whose contact is gone or has another address now. An entry that exists already is answered as it is.
     */
    public Added addHash(TenantContext tenant, String emailHash, Suppression.Reason reason, String source) {
        if (emailHash == null || !emailHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an email hash is 64 lower-case hex digits");
        }
        return save(tenant, new Suppression(Suppression.emailId(emailHash), Suppression.Kind.EMAIL, null, emailHash, null,
                reason, source, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1));
    }

    private Added save(TenantContext tenant, Suppression draft) {
        Suppression.Reason reason = draft.reason();
        String source = draft.source();
        SuppressionStore.Stored stored = store.find(tenant, draft.id()).orElse(null);
        if (stored != null && stored.live() != null) {
            return new Added(stored.live(), false);
        }
        long previous = stored == null ? 0 : stored.version();
        Suppression entry = new Suppression(draft.id(), draft.kind(), draft.email(), draft.emailHash(), draft.domain(),
                reason, source, draft.createdAt(), previous + 1);
        var owed = outbox.entry().event(DomainEvent.create(ContactEvents.SUPPRESSION_ADDED, tenant.workspaceId(),
                new SuppressionAdded(entry.id(), entry.kind().wire(), entry.email(), entry.emailHash(), entry.domain(),
                        entry.reason().wire(), entry.version()))).build();
        if (!store.add(tenant, entry, previous, owed)) {
            return store.find(tenant, draft.id()).filter(s -> s.live() != null).map(s -> new Added(s.live(), false))
                    .orElseThrow(SuppressionService::changedMeanwhile);
        }
        return new Added(entry, true);
    }

    /**
     * Leaves the workspace's entry for {@code address} holding only its hash (an erasure): an entry that kept the
     * address is rewritten without it, keeping its reason; without an entry, one with reason {@code erased} is added.
     * Either way {@code suppression.added} tells sending, without the address.
     */
    public Suppression keepOnlyHash(TenantContext tenant, String address) {
        String id = Suppression.emailId(EmailHashes.of(tenant.workspaceId(), address));
        Suppression live = store.find(tenant, id).map(SuppressionStore.Stored::live).orElse(null);
        if (live == null) {
            return add(tenant, address, null, Suppression.Reason.ERASED, "erasure", false).entry();
        }
        if (live.email() == null) {
            return live;
        }
        Suppression hashOnly = new Suppression(live.id(), live.kind(), null, live.emailHash(), null, live.reason(),
                live.source(), live.createdAt(), live.version() + 1);
        var owed = outbox.entry().event(DomainEvent.create(ContactEvents.SUPPRESSION_ADDED, tenant.workspaceId(),
                new SuppressionAdded(hashOnly.id(), hashOnly.kind().wire(), null, hashOnly.emailHash(), null,
                        hashOnly.reason().wire(), hashOnly.version()))).build();
        if (!store.add(tenant, hashOnly, live.version(), owed)) {
            throw changedMeanwhile();
        }
        return hashOnly;
    }

    /** Whether {@code address} was erased from the workspace (its entry has reason {@code erased}). */
    public boolean erased(TenantContext tenant, String address) {
        return store.find(tenant, Suppression.emailId(EmailHashes.of(tenant.workspaceId(), address)))
                .map(SuppressionStore.Stored::live).filter(s -> s.reason() == Suppression.Reason.ERASED).isPresent();
    }

    public Page<Suppression> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page);
    }

    public void remove(TenantContext tenant, String id) {
        Suppression current = store.find(tenant, id).map(SuppressionStore.Stored::live)
                .orElseThrow(() -> ProblemException.notFound("This workspace has no such suppression entry."));
        var owed = outbox.entry().event(DomainEvent.create(ContactEvents.SUPPRESSION_REMOVED, tenant.workspaceId(),
                new SuppressionRemoved(current.id(), current.kind().wire(), current.emailHash(), current.domain(),
                        current.version() + 1))).build();
        if (!store.remove(tenant, current, owed)) {
            throw changedMeanwhile();
        }
    }

    /**
     * The entry that {@link #add} would make (version 1), checked: exactly one of an address or a domain, a valid
     * one, a domain that is not a public suffix. Nothing is read or written.
     *
     * @throws ProblemException validation-failed, naming the field ({@code email} or {@code domain}) and why
     */
    public static Suppression draft(TenantContext tenant, @Nullable String email, @Nullable String domain,
                                    Suppression.Reason reason, String source, boolean keepAddress) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if ((email == null) == (domain == null)) {
            List<FieldError> errors = new ArrayList<>();
            errors.add(new FieldError(email == null ? "email" : "domain", "give either an email or a domain, not both"
                    + (email == null ? " and not neither" : "")));
            throw ProblemException.invalid(errors);
        }
        if (email != null) {
            EmailAddress address = parse("email", () -> EmailAddress.parse(email));
            String hash = EmailHashes.of(tenant.workspaceId(), address.address());
            return new Suppression(Suppression.emailId(hash), Suppression.Kind.EMAIL,
                    keepAddress ? address.address() : null, hash, null, reason, source, now, 1);
        }
        String name = parse("domain", () -> EmailAddress.asciiDomain(domain));
        if (InternetDomainName.from(name).isPublicSuffix()) {
            throw ProblemException.invalid("domain", "is a public suffix (such as co.uk); name a domain under it");
        }
        return new Suppression(Suppression.domainId(name), Suppression.Kind.DOMAIN, null, null, name, reason, source, now, 1);
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    private static ProblemException changedMeanwhile() {
        return new ProblemException(CHANGED_MEANWHILE, "The entry was changed meanwhile; read it again and retry.");
    }
}
