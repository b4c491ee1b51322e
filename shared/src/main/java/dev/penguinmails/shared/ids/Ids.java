package dev.penguinmails.shared.ids;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Public ids: a short type prefix and a ULID, e.g. {@code ws_01JD5Q2X7V4G0ZK3M8N6P9R2TS}. They sort by
 * creation time (lexicographically, as DynamoDB sort keys do) and say what they identify.
 */
public final class Ids {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,7}");
    private static final char SEPARATOR = '_';

    private Ids() { }

    /**
     * A new id with {@code prefix} (1 to 8 lower-case letters or digits, starting with a letter). Ids made
     * by one JVM in the same millisecond still sort in creation order (monotonic ULIDs).
     */
    public static String newId(String prefix) {
        requirePrefix(prefix);
        return prefix + SEPARATOR + UlidCreator.getMonotonicUlid().toString();
    }

    /** Whether {@code id} is an id of this kind ({@code prefix}, separator, a valid ULID). */
    public static boolean isValid(String id, String prefix) {
        requirePrefix(prefix);
        if (id == null || id.length() != prefix.length() + 1 + 26 || !id.startsWith(prefix + SEPARATOR)) {
            return false;
        }
        String ulid = id.substring(prefix.length() + 1);
        // Only the canonical upper-case form sorts correctly against the ids we make.
        return ulid.equals(ulid.toUpperCase(Locale.ROOT)) && Ulid.isValid(ulid);
    }

    /** When an id was made, if it is one of ours. */
    public static Optional<Instant> createdAt(String id) {
        int separator = id == null ? -1 : id.indexOf(SEPARATOR);
        if (separator < 1 || !PREFIX.matcher(id.substring(0, separator)).matches()
                || !isValid(id, id.substring(0, separator))) {
            return Optional.empty();
        }
        return Optional.of(Ulid.from(id.substring(separator + 1)).getInstant());
    }

    private static void requirePrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("An id prefix is 1-8 lower-case letters or digits, starting with a letter: " + prefix);
        }
    }
}
