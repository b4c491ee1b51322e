package dev.penguinmails.sending.templates;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable seeds for the choices made per contact and step (variant, spintax): the same inputs give the same
 * choice on every machine and every run, so a preview shows exactly what will be sent and a retry sends the same.
 */
public final class Seeds {
    private Seeds() { }

    /** A 64-bit seed from the parts, by SHA-256 (String.hashCode is too small and too regular for this). */
    public static long of(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number in [0, bound) from {@code seed}, evenly spread. */
    static int below(long seed, int bound) {
        return (int) Long.remainderUnsigned(seed, bound);
    }

    /** The seed of the n-th choice made from {@code seed} (splitmix64: well-spread even for neighbouring n). */
    static long nth(long seed, int n) {
        long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
