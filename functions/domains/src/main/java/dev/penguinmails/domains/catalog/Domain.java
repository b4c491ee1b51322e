package dev.penguinmails.domains.catalog;

import dev.penguinmails.domains.dkim.DkimKey;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sending domain of a workspace, keyed by its ASCII name. {@code dkimKeys} holds the active key first; during a
 * rotation the next one follows it until it takes over.
 */
public record Domain(String workspaceId, String name, String unicodeName, String organizationalDomain,
                     DomainStatus status, List<DkimKey> dkimKeys, Instant createdAt, Instant updatedAt,
                     @Nullable Instant verifiedAt, @Nullable Instant checkedAt, long version) {
    public Domain {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        dkimKeys = List.copyOf(dkimKeys);
        if (dkimKeys.isEmpty()) {
            throw new IllegalArgumentException("a domain has at least one DKIM key");
        }
    }

    public boolean subdomain() {
        return !name.equals(organizationalDomain);
    }

    public DkimKey activeKey() {
        return dkimKeys.get(0);
    }
}
