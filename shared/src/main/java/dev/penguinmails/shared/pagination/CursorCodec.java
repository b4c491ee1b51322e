package dev.penguinmails.shared.pagination;

import dev.penguinmails.shared.aws.SecretValues;
import dev.penguinmails.shared.aws.Stages;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: a DynamoDB {@code LastEvaluatedKey}, HMAC-SHA256-signed and bound to a
 * scope (the workspace and the list, e.g. {@code ws_1/contacts}), then base64url-encoded. A cursor that
 * was altered, or that was issued for another tenant or another list, is a 400 {@code invalid-cursor}:
 * clients cannot steer a query to keys they were never given. The secret is {@code penguinmails.cursor.secret}
 * where it is given as a value (local stack, tests), else the Secrets Manager secret named by
 * {@code penguinmails.cursor.secret-arn} (AWS), through {@link SecretValues}.
 */
@Singleton
public class CursorCodec {
    public static final String SECRET_PROPERTY = ConfigKeys.CURSOR_SECRET;
    // Only for the local stack and tests, where nothing real is behind the cursors.
    static final String DEV_SECRET = "penguinmails-dev-cursor-secret-local-and-test-only";
    private static final int MIN_SECRET_LENGTH = 32;
    private static final int MAC_LENGTH = 32;
    private static final byte FORMAT_VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    public CursorCodec(Environment environment, SecretValues secrets) {
        this(secretFor(secrets.find(SECRET_PROPERTY).orElse(null), Stages.of(environment).orElse(null)));
    }

    public CursorCodec(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException(SECRET_PROPERTY + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A cursor for {@code lastEvaluatedKey} that only {@link #decode} with the same {@code scope} accepts. */
    public String encode(Map<String, AttributeValue> lastEvaluatedKey, String scope) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            throw new IllegalArgumentException("There is no cursor for an empty key: the list has ended");
        }
        byte[] payload = serialize(lastEvaluatedKey);
        byte[] mac = mac(scope, payload);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_LENGTH);
        System.arraycopy(mac, 0, token, payload.length, MAC_LENGTH);
        return ENCODER.encodeToString(token);
    }

    /** The key a cursor stands for, or a 400 {@code invalid-cursor} problem. */
    public Map<String, AttributeValue> decode(String cursor, String scope) {
        byte[] token;
        try {
            token = DECODER.decode(cursor);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
        if (token.length <= MAC_LENGTH) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(token, token.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC_LENGTH, token.length);
        if (!MessageDigest.isEqual(mac, mac(scope, payload))) {
            throw invalid();
        }
        try {
            return deserialize(payload);
        } catch (IOException | IllegalArgumentException e) {
            // Signed by us, so only a format change between releases gets here.
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "The cursor was not issued for this list. Start again without a cursor.");
    }

    private byte[] mac(String scope, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(scope.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static byte[] serialize(Map<String, AttributeValue> key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeShort(key.size());
            // Sorted, so that equal keys always give equal cursors.
            for (Map.Entry<String, AttributeValue> e : new TreeMap<>(key).entrySet()) {
                AttributeValue value = e.getValue();
                out.writeUTF(e.getKey());
                if (value.s() != null) {
                    out.writeByte('S');
                    out.writeUTF(value.s());
                } else if (value.n() != null) {
                    out.writeByte('N');
                    out.writeUTF(value.n());
                } else if (value.b() != null) {
                    byte[] b = value.b().asByteArray();
                    out.writeByte('B');
                    out.writeInt(b.length);
                    out.write(b);
                } else {
                    throw new IllegalArgumentException("Key attribute " + e.getKey() + " is not S, N or B");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, AttributeValue> deserialize(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        if (in.readByte() != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown cursor format");
        }
        int count = in.readUnsignedShort();
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int type = in.readByte();
            AttributeValue value = switch (type) {
                case 'S' -> AttributeValue.fromS(in.readUTF());
                case 'N' -> AttributeValue.fromN(in.readUTF());
                case 'B' -> AttributeValue.fromB(SdkBytes.fromByteArray(in.readNBytes(in.readInt())));
                default -> throw new IllegalArgumentException("unknown attribute type");
            };
            key.put(name, value);
        }
        if (in.available() > 0) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return key;
    }

    /** The configured secret, else the development default, which only local and test stages get. */
    static String secretFor(@Nullable String configured, @Nullable String stage) {
        if (configured != null) {
            return configured;
        }
        if (Stages.development(stage)) {
            return DEV_SECRET;
        }
        throw new ConfigurationException(ConfigKeys.CURSOR_SECRET_ARN + " (AWS) or " + SECRET_PROPERTY
                + " is not set; a development default exists only when " + ConfigKeys.STAGE
                + " is local or test (it is '" + stage + "')");
    }
}
