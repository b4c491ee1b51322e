package dev.penguinmails.identity.store;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The physical name of the identity table, which every function reads to authenticate requests
 * (property {@code penguinmails.tables.identity}), and the expiry rule its readers share.
 */
@Singleton
public class IdentityTable {
    public static final String PROPERTY = "penguinmails.tables.identity";
    /** Epoch-second TTL attribute; DynamoDB deletes lazily, so readers must check it themselves. */
    public static final String EXPIRES_AT = "expiresAt";

    private final String name;

    public IdentityTable(@Property(name = PROPERTY) String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(ConfigKeys.table("identity") + " is not set");
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The item, unless it is absent or past its {@code expiresAt}. */
    public static Optional<Map<String, AttributeValue>> live(Map<String, AttributeValue> item, Instant now) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue expiresAt = item.get(EXPIRES_AT);
        if (expiresAt != null && expiresAt.n() != null && Long.parseLong(expiresAt.n()) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    /** A string attribute, if present. */
    public static Optional<String> string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue v = item.get(attribute);
        return v == null ? Optional.empty() : Optional.ofNullable(v.s());
    }

    /** A number attribute, if present. */
    public static Optional<Long> number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue v = item.get(attribute);
        return v == null || v.n() == null ? Optional.empty() : Optional.of(Long.parseLong(v.n()));
    }
}
