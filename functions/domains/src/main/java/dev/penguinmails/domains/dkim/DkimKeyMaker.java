package dev.penguinmails.domains.dkim;

import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import jakarta.inject.Singleton;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Makes a domain's DKIM keys ({@link DkimKeys#generateRsa()}, RSA 2048), a fresh pair per domain and selector, so each subdomain's reputation and each rotation stand on their own key.
 */
@Singleton
public class DkimKeyMaker {
    public static final String PURPOSE = "dkim-private-key";

    private final SecretBox secrets;

    public DkimKeyMaker(SecretBox secrets) {
        this.secrets = secrets;
    }

    public DkimKey make(String workspaceId, String domain, String selector, DkimKey.State state) {
        KeyPair pair = DkimKeys.generateRsa();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            String sealed = secrets.seal(pkcs8, context(workspaceId, domain, selector));
            return new DkimKey(selector, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), sealed,
                    Instant.now(), state, null);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The context a DKIM private key is sealed in; sending opens it with the same one. */
    public static SecretContext context(String workspaceId, String domain, String selector) {
        return new SecretContext(workspaceId, PURPOSE, domain + "/" + selector);
    }
}
