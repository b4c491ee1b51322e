package dev.penguinmails.contacts.audiences;

import com.github.f4b6a3.ulid.Ulid;
import dev.penguinmails.events.EventIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The event id of each chunk of an audience, the same every time the chunk is published (decision 0056): the
 * audience's seed ULID gives the time part, a hash of the seed and the chunk number the random part. A chunk
 * published again after a crash therefore carries the id consumers have already seen, and they skip it.
 */
final class ChunkEventIds {
    private ChunkEventIds() { }

    static String of(String seed, int chunk) {
        Ulid base = Ulid.from(seed);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "#" + chunk).getBytes(StandardCharsets.UTF_8));
            return EventIds.PREFIX + "_" + new Ulid(base.getTime(), Arrays.copyOf(digest, 10)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
