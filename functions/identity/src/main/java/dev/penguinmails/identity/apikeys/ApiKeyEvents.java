package dev.penguinmails.identity.apikeys;

import dev.penguinmails.events.EventType;
import dev.penguinmails.identity.accounts.AccountEvents;
import dev.penguinmails.identity.accounts.EventTypeSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/** The API-key events (source {@code penguinmails.identity}); never the key or its hash. */
@Singleton
public class ApiKeyEvents implements EventTypeSource {
    public static final EventType<ApiKeyCreated> CREATED =
            new EventType<>("api_key.created", AccountEvents.SOURCE, 1, ApiKeyCreated.class);
    public static final EventType<ApiKeyRevoked> REVOKED =
            new EventType<>("api_key.revoked", AccountEvents.SOURCE, 1, ApiKeyRevoked.class);
    public static final List<EventType<?>> ALL = List.of(CREATED, REVOKED);

    @Override
    public Collection<EventType<?>> eventTypes() {
        return ALL;
    }

    /** {@code api_key.created}; {@code expiresAt} is ISO-8601, or null for a key that never expires. */
    @Serdeable
    public record ApiKeyCreated(String keyId, String name, String prefix, List<String> scopes, String actorId,
                                @Nullable String expiresAt) { }

    /** {@code api_key.revoked}. */
    @Serdeable
    public record ApiKeyRevoked(String keyId, String name, String actorId) { }
}
