package dev.penguinmails.identity.accounts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as typed, and the normalised form that makes it unique: trimmed and lower-cased.
 * Dots and plus-tags are kept, because many providers treat them as different mailboxes. An address
 * must also be what the event schemas call an email (an RFC 5321 mailbox in a registered top-level
 * domain), so that every accepted address can travel in an event.
 */
public record EmailAddress(String value) {
    // Deliberately conservative: one @, a dotted domain, no spaces or control characters, 254 characters at most.
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

    public EmailAddress {
        if (value == null) {
            throw new IllegalArgumentException("email is required");
        }
        value = value.strip();
        if (value.length() > 254 || !SHAPE.matcher(value).matches() || value.contains("..")
                || !EventSchemaFormat.SCHEMA.validate(quoted(value), InputFormat.JSON).isEmpty()) {
            throw new IllegalArgumentException("not a valid email address");
        }
    }

    private static String quoted(String value) {
        // SHAPE admits no quote or backslash, so wrapping in quotes is valid JSON.
        return '"' + value + '"';
    }

    /** JSON Schema's {@code format: email}, as the event schemas assert it. */
    private static final class EventSchemaFormat {
        static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema("{\"type\":\"string\",\"format\":\"email\"}", InputFormat.JSON);
    }

    public static boolean isValid(String candidate) {
        try {
            new EmailAddress(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return normalized().substring(normalized().indexOf('@') + 1);
    }
}
