package dev.penguinmails.local;

import dev.penguinmails.topology.ConfigKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The secrets a deployed stage keeps in Secrets Manager, made once for the local stack and kept in the
 * data folder, so that tokens and cursors issued before a restart still verify after it.
 */
final class LocalSecrets {
    static final String SIGNING_KEY = ConfigKeys.ACCESS_TOKEN_SIGNING_KEY;
    static final String VERIFICATION_KEYS = ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS;
    static final String CURSOR_SECRET = ConfigKeys.CURSOR_SECRET;
    static final String CUSTOMER_SECRETS_KEY = ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY;
    static final String UNSUBSCRIBE_KEYS = ConfigKeys.UNSUBSCRIBE_KEYS;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private LocalSecrets() { }

    /** The secrets as function properties, read from {@code dataDir/secrets.properties} or made and saved there. */
    static Map<String, String> load(Path dataDir) {
        Path file = dataDir == null ? null : dataDir.resolve("secrets.properties");
        Properties saved = new Properties();
        if (file != null && Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                saved.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        if (!saved.containsKey(SIGNING_KEY) || !saved.containsKey(CURSOR_SECRET)) {
            String[] pair = signingKeyPair("local-" + Long.toHexString(System.currentTimeMillis()));
            saved.setProperty(SIGNING_KEY, pair[0]);
            saved.setProperty(VERIFICATION_KEYS, pair[1]);
            byte[] cursor = new byte[32];
            new SecureRandom().nextBytes(cursor);
            saved.setProperty(CURSOR_SECRET, B64URL.encodeToString(cursor));
            save(file, saved);
        }
        if (!saved.containsKey(CUSTOMER_SECRETS_KEY)) {
            // Added after the first keys: a data folder from before gets it without losing the others.
            byte[] master = new byte[32];
            new SecureRandom().nextBytes(master);
            // AES-256, base64 as shared's LocalDataKeys reads it.
            saved.setProperty(CUSTOMER_SECRETS_KEY, Base64.getEncoder().encodeToString(master));
            save(file, saved);
        }
        if (!saved.containsKey(UNSUBSCRIBE_KEYS)) {
            // Key id k1, the sending function's default current key; links issued before a restart still verify.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            saved.setProperty(UNSUBSCRIBE_KEYS, "k1:" + Base64.getEncoder().encodeToString(key));
            save(file, saved);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : new String[] {SIGNING_KEY, VERIFICATION_KEYS, CURSOR_SECRET, CUSTOMER_SECRETS_KEY, UNSUBSCRIBE_KEYS}) {
            properties.put(key, saved.getProperty(key));
        }
        return properties;
    }

    /** A private P-256 JWK and the public JWK Set that verifies it, as JSON. */
    static String[] signingKeyPair(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
            String x = coordinate(pub.getW().getAffineX());
            String y = coordinate(pub.getW().getAffineY());
            String common = "\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + keyId
                    + "\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"";
            String privateJwk = "{" + common + ",\"d\":\"" + coordinate(priv.getS()) + "\"}";
            String publicSet = "{\"keys\":[{" + common + "}]}";
            return new String[] {privateJwk, publicSet};
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a P-256 key", e);
        }
    }

    /** A P-256 field element as JWK wants it: exactly 32 big-endian bytes, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return B64URL.encodeToString(fixed);
    }

    private static void save(Path file, Properties secrets) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                secrets.store(out, "Local-only secrets of the PenguinMails local stack; never used on AWS.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the data folder's own permissions apply.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
