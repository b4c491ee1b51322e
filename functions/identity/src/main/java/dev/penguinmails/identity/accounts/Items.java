package dev.penguinmails.identity.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing the attribute values of identity-table items, in one place. */
public final class Items {
    private Items() { }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** An instant as ISO-8601 text, which sorts like the instant itself. */
    public static AttributeValue time(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    public static AttributeValue epochSeconds(Instant value) {
        return n(value.getEpochSecond());
    }

    public static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? Optional.empty() : Optional.ofNullable(v.s());
    }

    public static String requiredString(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElseThrow(() -> new IllegalStateException("item lacks " + name));
    }

    public static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? Optional.empty() : Optional.of(Long.parseLong(v.n()));
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return string(item, name).map(Instant::parse);
    }

    /** Whether the item is absent or past its {@code expiresAt} (epoch seconds): DynamoDB's TTL deletes lazily. */
    public static boolean isGone(Map<String, AttributeValue> item, Instant now) {
        if (item == null || item.isEmpty()) {
            return true;
        }
        return number(item, AccountKeys.EXPIRES_AT).map(e -> e <= now.getEpochSecond()).orElse(false);
    }
}
