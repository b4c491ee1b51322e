package dev.penguinmails.sending.dkim;

import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * A domain's DKIM private key under its selector, as the domains family makes it: RSA in PKCS#8, sealed with
 * {@link SecretBox} in the context (workspace, {@value #PURPOSE}, {@code <domain>/<selector>}). Sending gets the
 * sealed copy from DomainState events and opens it here, at send time, never storing the plain key.
 */
public record DkimSigningKey(String domain, String selector, PrivateKey privateKey) {
    /** The purpose the domains family seals DKIM keys under (its DkimKeyMaker.PURPOSE). */
    public static final String PURPOSE = "dkim-private-key";

    public DkimSigningKey {
        if (domain == null || domain.isBlank() || selector == null || !selector.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a DKIM key needs a domain and a selector");
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("rsa-sha256 needs an RSA key, not " + privateKey.getAlgorithm());
        }
    }

    /** Opens the sealed key; SecretUnreadableException if it was sealed for another workspace, domain or selector. */
    public static DkimSigningKey open(SecretBox secrets, String sealed, String workspaceId, String domain, String selector) {
        byte[] der = secrets.open(sealed, new SecretContext(workspaceId, PURPOSE, domain + "/" + selector));
        try {
            return new DkimSigningKey(domain, selector, pkcs8(der));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** A key from PKCS#8, given as DER bytes or as PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    public static DkimSigningKey of(String domain, String selector, byte[] pkcs8DerOrPem) {
        String text = new String(pkcs8DerOrPem, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return new DkimSigningKey(domain, selector, pkcs8(Base64.getDecoder().decode(base64)));
        }
        return new DkimSigningKey(domain, selector, pkcs8(pkcs8DerOrPem));
    }

    static PrivateKey pkcs8(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8", e);
        }
    }
}
