package dev.penguinmails.identity.passwords;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Hashes and checks passwords with Argon2id. The defaults (64 MiB, 3 passes, 1 lane) exceed OWASP's
 * minimum (19 MiB, 2 passes) and follow RFC 9106's second recommendation with one lane, because a
 * 1 GB Lambda has less than one vCPU to run lanes in parallel.
 */
@Singleton
public class PasswordHasher {
    private final Argon2Function argon2;

    public PasswordHasher(@Value("${penguinmails.passwords.memory-kib:65536}") int memoryKib,
                          @Value("${penguinmails.passwords.iterations:3}") int iterations,
                          @Value("${penguinmails.passwords.parallelism:1}") int parallelism) {
        if (memoryKib < 19_456 || iterations < 2) {
            throw new IllegalArgumentException("Argon2id parameters below the OWASP minimum (19 MiB, 2 passes)");
        }
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
    }

    /** The PHC string ({@code $argon2id$v=19$m=...}), which carries its own salt and parameters. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    /** Whether {@code password} matches {@code phcHash}, with the parameters stored in the hash. */
    public boolean matches(String password, String phcHash) {
        return Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash));
    }

    /** Whether a stored hash was made with weaker parameters than today's and should be redone at login. */
    public boolean needsRehash(String phcHash) {
        Argon2Function stored = Argon2Function.getInstanceFromHash(phcHash);
        return stored.getMemory() < argon2.getMemory() || stored.getIterations() < argon2.getIterations();
    }

    /** Hashes a throwaway value so that a login for an unknown account costs as much as a real one. */
    public void burnEquivalentTime(String password) {
        hash(password);
    }
}
