package dev.penguinmails.contacts.model;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A contact of a workspace, every field normalised ({@link ContactFields}). {@code emailKey} is the lower-cased
 * address that makes it unique in the workspace; {@code version} counts its writes (optimistic locking, and the
 * order in which consumers of its events apply them).
 */
public record Contact(String workspaceId, String id, String email, String emailKey,
                      @Nullable String firstName, @Nullable String lastName, @Nullable String company,
                      @Nullable String title, @Nullable String phone, @Nullable String timezone,
                      List<String> tags, Map<String, CustomValue> customFields, String source,
                      ContactStatus status, Instant createdAt, Instant updatedAt, long version) {
    public Contact {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailKey, "emailKey");
        tags = List.copyOf(tags);
        customFields = java.util.Collections.unmodifiableMap(new TreeMap<>(customFields));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
    }
}
