package dev.penguinmails.domains.dkim;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Locale;

/**
 * One DKIM key pair of a domain under its selector ({@code <selector>._domainkey.<domain>}): the public key as
 * published (base64 SubjectPublicKeyInfo) and the private key sealed under the customer-secrets key, never in plain
 * text. A rotation publishes a NEXT key beside the ACTIVE one; once its record verifies it signs, and the old key
 * stays published as RETIRING until {@code retireAfter}, so mail signed with it in flight still verifies.
 */
public record DkimKey(String selector, String publicKey, String privateKeySealed, Instant createdAt, State state,
                      @Nullable Instant retireAfter) {

    public enum State {
        ACTIVE, NEXT, RETIRING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DkimKey withState(State next, @Nullable Instant retire) {
        return new DkimKey(selector, publicKey, privateKeySealed, createdAt, next, retire);
    }
}
