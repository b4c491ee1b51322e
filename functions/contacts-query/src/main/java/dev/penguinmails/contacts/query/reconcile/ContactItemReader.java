package dev.penguinmails.contacts.query.reconcile;

import dev.penguinmails.contacts.query.ContactRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the contacts function's contact items (its ContactItems layout, the same family's table) as query rows. A
 * tombstone ({@code status REMOVED}) reads as deleted at its version.
 */
final class ContactItemReader {
    static final String REMOVED = "REMOVED";

    private ContactItemReader() { }

    static boolean removed(Map<String, AttributeValue> item) {
        return REMOVED.equals(item.get("status").s());
    }

    static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get("version").n());
    }

    static ContactRow row(Map<String, AttributeValue> item) {
        Map<String, Object> custom = new LinkedHashMap<>();
        AttributeValue fields = item.get("customFields");
        if (fields != null) {
            fields.m().forEach((name, v) -> custom.put(name, ContactRow.typed(v.m().get("t").s(), v.m().get("v").s())));
        }
        AttributeValue tags = item.get("tags");
        return new ContactRow(item.get("id").s(), version(item), item.get("email").s(), text(item, "firstName"),
                text(item, "lastName"), text(item, "company"), text(item, "title"), text(item, "phone"),
                text(item, "timezone"), tags == null ? List.of() : tags.l().stream().map(AttributeValue::s).toList(),
                custom, item.get("source").s(), item.get("status").s(), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
