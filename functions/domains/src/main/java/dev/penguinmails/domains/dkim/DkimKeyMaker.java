package dev.penguinmails.domains.dkim;

import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import jakarta.inject.Singleton;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Makes a domain's DKIM keys: RSA 2048 (what every large receiver accepts; RFC 8301 requires at least 1024), a
 * fresh pair per domain and selector, so each subdomain's reputation and each rotation stand on their own key.
 */
@Singleton
public class DkimKeyMaker {
    public static final String PURPOSE = "dkim-private-key";
    private static final int BITS = 2048;

    private final SecretBox secrets;

    public DkimKeyMaker(SecretBox secrets) {
        this.secrets = secrets;
    }

    public DkimKey make(String workspaceId, String domain, String selector) {
        KeyPair pair = generate();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            String sealed = secrets.seal(pkcs8, context(workspaceId, domain, selector));
            return new DkimKey(selector, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), sealed,
                    Instant.now());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The context a DKIM private key is sealed in; sending opens it with the same one. */
    public static SecretContext context(String workspaceId, String domain, String selector) {
        return new SecretContext(workspaceId, PURPOSE, domain + "/" + selector);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }
}
