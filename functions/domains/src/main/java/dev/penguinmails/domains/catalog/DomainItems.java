package dev.penguinmails.domains.catalog;

import dev.penguinmails.domains.dkim.DkimKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a {@link Domain} is laid out as a DynamoDB item (without its key). */
final class DomainItems {
    /** Attributes a domain may lack; a rewrite removes them when the new state has none. */
    static final List<String> OPTIONAL = List.of("verifiedAt", "checkedAt", "expiresAt", "gsi1pk", "gsi1sk");
    /**
     * The index partition of every live domain, across workspaces, sorted by when it was last checked (never
     * checked first): the scheduled re-verification reads the stalest ones from it.
     */
    static final String DUE_PARTITION = "DOMAINS-BY-CHECK";

    private DomainItems() { }

    static Map<String, AttributeValue> write(Domain d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("workspaceId", s(d.workspaceId()));
        item.put("name", s(d.name()));
        item.put("unicodeName", s(d.unicodeName()));
        item.put("organizationalDomain", s(d.organizationalDomain()));
        item.put("status", s(d.status().name()));
        item.put("dkimKeys", AttributeValue.fromL(d.dkimKeys().stream().map(DomainItems::key).toList()));
        item.put("createdAt", s(d.createdAt().toString()));
        item.put("updatedAt", s(d.updatedAt().toString()));
        if (d.verifiedAt() != null) {
            item.put("verifiedAt", s(d.verifiedAt().toString()));
        }
        if (d.checkedAt() != null) {
            item.put("checkedAt", s(d.checkedAt().toString()));
        }
        item.put("version", AttributeValue.fromN(Long.toString(d.version())));
        if (d.status() != DomainStatus.REMOVED) {
            item.put("gsi1pk", s(DUE_PARTITION));
            item.put("gsi1sk", s((d.checkedAt() == null ? "0" : d.checkedAt().toString()) + "#" + d.workspaceId() + "#" + d.name()));
        }
        return item;
    }

    static Domain read(Map<String, AttributeValue> item) {
        List<DkimKey> keys = item.get("dkimKeys").l().stream().map(v -> {
            Map<String, AttributeValue> m = v.m();
            return new DkimKey(m.get("selector").s(), m.get("publicKey").s(), m.get("privateKeySealed").s(),
                    Instant.parse(m.get("createdAt").s()),
                    m.containsKey("state") ? DkimKey.State.valueOf(m.get("state").s()) : DkimKey.State.ACTIVE,
                    m.containsKey("retireAfter") ? Instant.parse(m.get("retireAfter").s()) : null);
        }).toList();
        return new Domain(item.get("workspaceId").s(), item.get("name").s(), item.get("unicodeName").s(),
                item.get("organizationalDomain").s(), DomainStatus.valueOf(item.get("status").s()), keys,
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                instant(item, "verifiedAt"), instant(item, "checkedAt"), Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue key(DkimKey k) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("selector", s(k.selector()), "publicKey", s(k.publicKey()),
                "privateKeySealed", s(k.privateKeySealed()), "createdAt", s(k.createdAt().toString()),
                "state", s(k.state().name())));
        if (k.retireAfter() != null) {
            m.put("retireAfter", s(k.retireAfter().toString()));
        }
        return AttributeValue.fromM(m);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : Instant.parse(v.s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
