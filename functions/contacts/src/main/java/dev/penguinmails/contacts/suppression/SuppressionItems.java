package dev.penguinmails.contacts.suppression;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a {@link Suppression} is laid out as a DynamoDB item (without its key). */
final class SuppressionItems {
    static final String LIVE = "ACTIVE";
    static final String REMOVED = "REMOVED";
    /** Attributes an entry may lack; a rewrite removes them when the new state has none. */
    static final List<String> OPTIONAL = List.of("email", "emailHash", "domain", "expiresAt");

    private SuppressionItems() { }

    static Map<String, AttributeValue> write(Suppression s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(s.id()));
        item.put("kind", AttributeValue.fromS(s.kind().name()));
        if (s.email() != null) {
            item.put("email", AttributeValue.fromS(s.email()));
        }
        if (s.emailHash() != null) {
            item.put("emailHash", AttributeValue.fromS(s.emailHash()));
        }
        if (s.domain() != null) {
            item.put("domain", AttributeValue.fromS(s.domain()));
        }
        item.put("reason", AttributeValue.fromS(s.reason().name()));
        item.put("source", AttributeValue.fromS(s.source()));
        item.put("createdAt", AttributeValue.fromS(s.createdAt().toString()));
        item.put("status", AttributeValue.fromS(LIVE));
        item.put("version", AttributeValue.fromN(Long.toString(s.version())));
        return item;
    }

    static Suppression read(Map<String, AttributeValue> item) {
        return new Suppression(item.get("id").s(), Suppression.Kind.valueOf(item.get("kind").s()), text(item, "email"),
                text(item, "emailHash"), text(item, "domain"), Suppression.Reason.valueOf(item.get("reason").s()),
                item.get("source").s(), Instant.parse(item.get("createdAt").s()), Long.parseLong(item.get("version").n()));
    }

    static boolean removed(Map<String, AttributeValue> item) {
        return REMOVED.equals(item.get("status").s());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
