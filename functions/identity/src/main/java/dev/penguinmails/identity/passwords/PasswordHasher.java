package dev.penguinmails.identity.passwords;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes and checks passwords with Argon2id, through the reference C implementation (libargon2, shipped
 * for Linux x86-64 and arm64 inside argon2-jvm). The defaults (64 MiB, 3 passes, 1 lane) exceed OWASP's
 * minimum (19 MiB, 2 passes) and follow RFC 9106's second recommendation with one lane, because a
 * 1 GB Lambda has less than one vCPU to run lanes in parallel. Hashes are PHC strings, so hashes made by
 * any other conforming implementation verify too.
 */
@Singleton
public class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PARAMETERS = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

    // Native, not pure Java: on Lambda's C1-only JIT a Java Argon2id of 64 MiB took about 1 s, the C code 0.13 s.
    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    @Inject
    public PasswordHasher(PasswordHashingSettings settings) {
        this(settings.memoryKib(), settings.iterations(), settings.parallelism());
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 19_456 || iterations < 2) {
            throw new IllegalArgumentException("Argon2id parameters below the OWASP minimum (19 MiB, 2 passes)");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs at least one lane");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** The PHC string ({@code $argon2id$v=19$m=...}), which carries its own salt and parameters. */
    public String hash(String password) {
        byte[] secret = utf8(password);
        try {
            return argon2.hash(iterations, memoryKib, parallelism, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Whether {@code password} matches {@code phcHash}, with the parameters stored in the hash. A hash that is
     * not an Argon2id PHC string matches nothing, after the same work as a real check, so that its answer
     * takes no less time than another account's.
     */
    public boolean matches(String password, String phcHash) {
        if (phcHash == null || !PARAMETERS.matcher(phcHash).find()) {
            burnEquivalentTime(password);
            return false;
        }
        byte[] secret = utf8(password);
        try {
            return argon2.verify(phcHash, secret);
        } catch (IllegalStateException malformed) {
            burnEquivalentTime(password);
            return false;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Whether a stored hash was made with weaker parameters than today's and should be redone at login. */
    public boolean needsRehash(String phcHash) {
        Matcher stored = PARAMETERS.matcher(phcHash);
        if (!stored.find()) {
            return true;
        }
        return Long.parseLong(stored.group(1)) < memoryKib || Long.parseLong(stored.group(2)) < iterations;
    }

    /** Hashes a throwaway value so that a login for an unknown account costs as much as a real one. */
    public void burnEquivalentTime(String password) {
        hash(password);
    }

    /** Loads libargon2 (JNA extracts and links it on first use) with a hash of the smallest cost it accepts. */
    static void loadNativeLibrary() {
        Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES).hash(1, 8, 1, new byte[] {0});
    }

    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
