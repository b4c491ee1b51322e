package dev.penguinmails.sending.unsubscribe;

import dev.penguinmails.sending.unsubscribe.Verification.Reason;
import dev.penguinmails.sending.unsubscribe.Verification.Rejected;
import dev.penguinmails.sending.unsubscribe.Verification.Valid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies unsubscribe tokens (decision 0050): {@code <keyId>.<payload>.<mac>}, base64url without
 * padding, where the payload packs the expiry (seconds, 4 bytes) and the four ids (each length-prefixed UTF-8), and
 * the mac is HMAC-SHA256 over the version, key id and payload, cut to 128 bits. About 180 characters with ULIDs,
 * short enough for a URL path. New tokens are signed with the current key; every key still listed verifies, so
 * rotating is: add a key, make it current, drop the old one once its tokens have expired.
 */
public final class UnsubscribeTokens {
    private static final String VERSION = "pmu1";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final Clock clock;

    /**
     * @param keys key id ({@code [A-Za-z0-9_-]{1,16}}) to HMAC key (at least 32 bytes); {@code currentKeyId} signs
     */
    public UnsubscribeTokens(String currentKeyId, Map<String, byte[]> keys, Clock clock) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current unsubscribe key '" + currentKeyId + "' is not among the keys");
        }
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException("an unsubscribe key id is 1 to 16 of [A-Za-z0-9_-]: " + id);
            }
            if (key.length < 32) {
                throw new IllegalArgumentException("unsubscribe key '" + id + "' is shorter than 256 bits");
            }
        });
        this.currentKeyId = currentKeyId;
        this.keys = keys.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new SecretKeySpec(e.getValue(), "HmacSHA256")));
        this.clock = clock;
    }

    /** Keys given base64 (standard or url alphabet), as configuration or a secret holds them. */
    public static UnsubscribeTokens fromBase64(String currentKeyId, Map<String, String> keys, Clock clock) {
        return new UnsubscribeTokens(currentKeyId, keys.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Base64.getDecoder().decode(e.getValue().replace('-', '+').replace('_', '/')))),
                clock);
    }

    /** The token's text, for {@code https://.../v1/u/<token>} and the mailto subject. */
    public String issue(UnsubscribeToken token) {
        long expiry = token.expiresAt().getEpochSecond();
        if (expiry < 0 || expiry > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("expiry out of range: " + token.expiresAt());
        }
        byte[][] ids = {utf8(token.workspaceId()), utf8(token.messageId()), utf8(token.contactId()), utf8(token.campaignId())};
        ByteBuffer payload = ByteBuffer.allocate(4 + 4 + ids[0].length + ids[1].length + ids[2].length + ids[3].length);
        payload.putInt((int) expiry);
        for (byte[] id : ids) {
            payload.put((byte) id.length).put(id);
        }
        byte[] bytes = payload.array();
        return currentKeyId + "." + B64.encodeToString(bytes) + "." + B64.encodeToString(mac(currentKeyId, bytes));
    }

    /** Reads a token back: valid only if the shape is ours, the key known, the mac right and the expiry ahead. */
    public Verification verify(String text) {
        if (text == null || text.length() > 1200) {
            return new Rejected(Reason.MALFORMED);
        }
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (first < 1 || second < 0 || text.indexOf('.', second + 1) >= 0) {
            return new Rejected(Reason.MALFORMED);
        }
        String keyId = text.substring(0, first);
        byte[] payload;
        byte[] mac;
        try {
            payload = B64D.decode(text.substring(first + 1, second));
            mac = B64D.decode(text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            return new Rejected(Reason.MALFORMED);
        }
        if (payload.length < 8 || mac.length != MAC_BYTES) {
            return new Rejected(Reason.MALFORMED);
        }
        if (!keys.containsKey(keyId)) {
            return new Rejected(Reason.UNKNOWN_KEY);
        }
        if (!MessageDigest.isEqual(mac, mac(keyId, payload))) {
            return new Rejected(Reason.BAD_SIGNATURE);
        }
        UnsubscribeToken token = parse(payload);
        if (token == null) {
            return new Rejected(Reason.MALFORMED); // authentic but not a payload we write: a bug, never a customer
        }
        return clock.instant().isBefore(token.expiresAt()) ? new Valid(token) : new Rejected(Reason.EXPIRED);
    }

    private static UnsubscribeToken parse(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            long expiry = in.getInt() & 0xFFFF_FFFFL;
            String[] ids = new String[4];
            for (int i = 0; i < ids.length; i++) {
                byte[] id = new byte[in.get() & 0xFF];
                in.get(id);
                ids[i] = new String(id, StandardCharsets.UTF_8);
            }
            if (in.hasRemaining()) {
                return null;
            }
            return new UnsubscribeToken(ids[0], ids[1], ids[2], ids[3], Instant.ofEpochSecond(expiry));
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(String keyId, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(keys.get(keyId));
            hmac.update(utf8(VERSION + "." + keyId + "."));
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
