package dev.penguinmails.contacts.catalog;

import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.contacts.model.ContactStatus;
import dev.penguinmails.contacts.model.CustomValue;
import dev.penguinmails.contacts.model.FieldType;
import dev.penguinmails.events.contacts.EmailHashes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a {@link Contact} is laid out as a DynamoDB item (without its key). */
final class ContactItems {
    /** The status of a deleted contact's tombstone, kept a week for the {@code contact.deleted} it owes. */
    static final String REMOVED = "REMOVED";
    /** Attributes a contact may lack; a rewrite removes them when the new state has none. */
    static final List<String> OPTIONAL = List.of("firstName", "lastName", "company", "title", "phone", "timezone",
            "expiresAt");
    /** Everything personal, which a deletion's tombstone drops. */
    static final List<String> PERSONAL = List.of("email", "emailHash", "firstName", "lastName", "company", "title",
            "phone", "timezone", "tags", "customFields", "source", "createdAt");

    private ContactItems() { }

    static Map<String, AttributeValue> write(Contact c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("workspaceId", s(c.workspaceId()));
        item.put("id", s(c.id()));
        item.put("email", s(c.email()));
        item.put("emailHash", s(EmailHashes.of(c.workspaceId(), c.email())));
        optional(item, "firstName", c.firstName());
        optional(item, "lastName", c.lastName());
        optional(item, "company", c.company());
        optional(item, "title", c.title());
        optional(item, "phone", c.phone());
        optional(item, "timezone", c.timezone());
        item.put("tags", AttributeValue.fromL(c.tags().stream().map(ContactItems::s).toList()));
        Map<String, AttributeValue> custom = new HashMap<>();
        c.customFields().forEach((name, v) -> custom.put(name,
                AttributeValue.fromM(Map.of("t", s(v.type().wire()), "v", s(v.value())))));
        item.put("customFields", AttributeValue.fromM(custom));
        item.put("source", s(c.source()));
        item.put("status", s(c.status().wire()));
        item.put("createdAt", s(c.createdAt().toString()));
        item.put("updatedAt", s(c.updatedAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        return item;
    }

    static Contact read(Map<String, AttributeValue> item) {
        Map<String, CustomValue> custom = new TreeMap<>();
        item.get("customFields").m().forEach((name, v) -> custom.put(name,
                new CustomValue(FieldType.fromWire(v.m().get("t").s()), v.m().get("v").s())));
        String email = item.get("email").s();
        return new Contact(item.get("workspaceId").s(), item.get("id").s(), email, email.toLowerCase(Locale.ROOT),
                text(item, "firstName"), text(item, "lastName"), text(item, "company"), text(item, "title"),
                text(item, "phone"), text(item, "timezone"), item.get("tags").l().stream().map(AttributeValue::s).toList(),
                custom, item.get("source").s(), ContactStatus.fromWire(item.get("status").s()),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get("version").n()));
    }

    static boolean removed(Map<String, AttributeValue> item) {
        return REMOVED.equals(item.get("status").s());
    }

    private static void optional(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
