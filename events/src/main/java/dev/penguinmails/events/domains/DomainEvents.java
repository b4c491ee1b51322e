package dev.penguinmails.events.domains;

import dev.penguinmails.events.EventType;
import java.util.List;

/**
 * Every event type the domains function publishes (source {@code penguinmails.domains}); listed in
 * {@link dev.penguinmails.events.EventTypes}. The status events carry the domain's whole sending state
 * ({@link DomainState}) with its version, so a consumer keeps its own copy and ignores an older one.
 */
public final class DomainEvents {
    public static final String SOURCE = "penguinmails.domains";

    /** A domain was added to a workspace; nothing may be sent from it until it is verified. */
    public static final EventType<DomainAdded> DOMAIN_ADDED = type("domain.added", DomainAdded.class);
    /** Every record checked out: the domain may send. */
    public static final EventType<DomainVerified> DOMAIN_VERIFIED = type("domain.verified", DomainVerified.class);
    /** A verified domain lost a record it needs: it stops being eligible for sending until fixed. */
    public static final EventType<DomainDegraded> DOMAIN_DEGRADED = type("domain.degraded", DomainDegraded.class);
    /** A domain that never verified still fails its checks. */
    public static final EventType<DomainFailed> DOMAIN_FAILED = type("domain.failed", DomainFailed.class);
    /** The domain was removed from the workspace; forget its keys. */
    public static final EventType<DomainRemoved> DOMAIN_REMOVED = type("domain.removed", DomainRemoved.class);

    public static final List<EventType<?>> ALL =
            List.of(DOMAIN_ADDED, DOMAIN_VERIFIED, DOMAIN_DEGRADED, DOMAIN_FAILED, DOMAIN_REMOVED);

    private DomainEvents() { }

    private static <P extends Record> EventType<P> type(String detailType, Class<P> payload) {
        return new EventType<>(detailType, SOURCE, 1, payload);
    }
}
