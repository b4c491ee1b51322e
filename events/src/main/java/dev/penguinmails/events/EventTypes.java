package dev.penguinmails.events;

import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.domains.DomainEvents;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.events.usage.UsageEvents;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry of every event type in the system. Each producer's types are constants of its own class
 * ({@link IdentityEvents} for {@code penguinmails.identity}); to add one, write its payload record, its
 * schema under {@code resources/schemas/}, and a constant in its producer's class listed in that class's
 * {@code ALL}. A new producer's class is listed in {@link #ALL} here.
 */
public final class EventTypes {

    private static final List<EventType<?>> ALL = concat(IdentityEvents.ALL, BillingEvents.ALL, DomainEvents.ALL, MailboxEvents.ALL, ContactEvents.ALL, UsageEvents.ALL,
            SendingEvents.ALL);

    private static final Map<String, EventType<?>> BY_DETAIL_TYPE = index(ALL);

    private EventTypes() { }

    /** Every registered type, in registration order. */
    public static Collection<EventType<?>> all() {
        return ALL;
    }

    /** The type published under {@code detailType}, if it is registered. */
    public static Optional<EventType<?>> byDetailType(String detailType) {
        return Optional.ofNullable(BY_DETAIL_TYPE.get(detailType));
    }

    /** The type whose payload is {@code payloadClass}. */
    @SuppressWarnings("unchecked")
    public static <P extends Record> EventType<P> forPayload(Class<P> payloadClass) {
        return (EventType<P>) ALL.stream()
                .filter(t -> t.payloadClass().equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type has payload " + payloadClass.getName()));
    }

    @SafeVarargs
    private static List<EventType<?>> concat(List<EventType<?>>... sources) {
        return Stream.of(sources).flatMap(List::stream).toList();
    }

    private static Map<String, EventType<?>> index(List<EventType<?>> types) {
        Map<String, EventType<?>> byDetailType = new LinkedHashMap<>();
        for (EventType<?> type : types) {
            if (byDetailType.put(type.detailType(), type) != null) {
                throw new IllegalStateException("detail-type registered twice: " + type.detailType());
            }
            if (types.stream().filter(t -> t.payloadClass().equals(type.payloadClass())).count() > 1) {
                throw new IllegalStateException("payload shared by two event types: " + type.payloadClass().getName());
            }
        }
        return Map.copyOf(byDetailType);
    }
}
