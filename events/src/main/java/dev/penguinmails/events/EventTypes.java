package dev.penguinmails.events;

import dev.penguinmails.events.identity.AccountSignedUp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every event type in the system. To add one: write its payload record, its schema
 * under {@code resources/schemas/}, and a constant here listed in {@link #ALL}.
 */
public final class EventTypes {

    /** A person created an account and its first workspace; the emails function welcomes them. */
    public static final EventType<AccountSignedUp> ACCOUNT_SIGNED_UP =
            new EventType<>("account.signed_up", "penguinmails.identity", 1, AccountSignedUp.class);

    private static final List<EventType<?>> ALL = List.of(ACCOUNT_SIGNED_UP);

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
