package dev.penguinmails.sending.suppression;

import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.contacts.SuppressionAdded;
import dev.penguinmails.events.contacts.SuppressionRemoved;
import dev.penguinmails.sending.copies.VersionedCopies;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sending's copy of a workspace's suppression list, fed by contacts' {@code suppression.added} and
 * {@code suppression.removed}, and the ONE check the sender asks before every email. Entries are kept per
 * suppressed address ({@code SUPPRESSED#email#<hash>}) or domain ({@code SUPPRESSED#domain#<ascii domain>}), one item
 * per entry id, each applied by its own version: an address removed and suppressed again (a new entry) is
 * suppressed, whatever order the events arrive in.
 */
@Singleton
public class SuppressionCopy {
    private final VersionedCopies copies;

    SuppressionCopy(VersionedCopies copies) {
        this.copies = copies;
    }

    public boolean apply(TenantContext tenant, SuppressionAdded added) {
        return copies.apply(tenant, partition(added.kind(), added.emailHash(), added.domain()), added.suppressionId(),
                added.version(), Map.of("reason", AttributeValue.fromS(added.reason())));
    }

    public boolean apply(TenantContext tenant, SuppressionRemoved removed) {
        return copies.remove(tenant, partition(removed.kind(), removed.emailHash(), removed.domain()),
                removed.suppressionId(), removed.version());
    }

    /**
     * Whether the workspace may not mail {@code normalisedAddress} (as contacts normalises it: the domain lower-case
     * and in punycode): the address is suppressed, or its domain or any parent domain is.
     */
    public boolean isSuppressed(TenantContext tenant, String normalisedAddress) {
        String address = normalisedAddress.trim();
        if (copies.anyLive(tenant, "SUPPRESSED#email#" + EmailHashes.of(tenant.workspaceId(), address))) {
            return true;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        while (domain.contains(".")) {
            if (copies.anyLive(tenant, "SUPPRESSED#domain#" + domain)) {
                return true;
            }
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return false;
    }

    private static String partition(String kind, String emailHash, String domain) {
        return "email".equals(kind) ? "SUPPRESSED#email#" + emailHash : "SUPPRESSED#domain#" + domain;
    }
}
