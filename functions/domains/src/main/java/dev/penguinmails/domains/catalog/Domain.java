package dev.penguinmails.domains.catalog;

import dev.penguinmails.domains.dkim.DkimKey;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sending domain of a workspace, keyed by its ASCII name. {@code dkimKeys} holds exactly one ACTIVE key and,
 * during a rotation, the NEXT one or the RETIRING one (see {@link DkimKey}).
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

    /** The key that signs now. */
    public DkimKey activeKey() {
        return dkimKeys.stream().filter(k -> k.state() == DkimKey.State.ACTIVE).findFirst()
                .orElseThrow(() -> new IllegalStateException("domain " + name + " has no active DKIM key"));
    }

    /** The same domain with other keys, at the next version. */
    public Domain withKeys(List<DkimKey> keys, Instant now) {
        return new Domain(workspaceId, name, unicodeName, organizationalDomain, status, keys, createdAt, now, verifiedAt,
                checkedAt, version + 1);
    }
}
