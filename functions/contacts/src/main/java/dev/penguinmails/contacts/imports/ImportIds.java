package dev.penguinmails.contacts.imports;

import com.github.f4b6a3.ulid.Ulid;
import dev.penguinmails.contacts.catalog.ContactService;
import dev.penguinmails.events.EventIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The id of the contact a row of an import creates: the same on every attempt, so that a batch written again after
 * a crash finds its own address claims and contacts instead of making new ones. A ULID of the import's creation time
 * and, in place of randomness, the data row's index (40 bits) and 40 bits of a hash of the import id: the import's
 * contacts sort in file order, and two imports made in the same millisecond do not collide.
 */
final class ImportIds {
    private ImportIds() { }

    static String contactId(String importId, Instant importCreatedAt, long rowIndex) {
        return ContactService.ID_PREFIX + "_" + ulid(hash40(importId), importCreatedAt, rowIndex);
    }

    /**
     * The id of the {@code contact.created} of that row's contact: as its contact id, the same on every attempt (so
     * consumers drop an announcement made again after a crash), with its own 40 bits of hash.
     */
    static String createdEventId(String importId, Instant importCreatedAt, long rowIndex) {
        return EventIds.PREFIX + "_" + ulid(hash40(importId + "#contact.created"), importCreatedAt, rowIndex);
    }

    /** The import's creation time, then the row index (40 bits), then {@code hash} (40 bits). */
    private static Ulid ulid(long hash, Instant importCreatedAt, long rowIndex) {
        long msb = (importCreatedAt.toEpochMilli() << 16) | ((rowIndex >>> 24) & 0xFFFF);
        long lsb = ((rowIndex & 0xFFFFFFL) << 40) | hash;
        return new Ulid(msb, lsb);
    }

    private static long hash40(String importId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(importId.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 5; i++) {
                h = (h << 8) | (digest[i] & 0xFF);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
