package dev.penguinmails.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.penguinmails.emulators.LoopbackHttpServers;
import dev.penguinmails.topology.ConfigKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the AWS calls the secrets code makes, on the wire (AWS JSON 1.1), so that the real
 * SDK clients are exercised: KMS {@code GetPublicKey} and {@code Sign} for one P-256 key held by JCA (the
 * signatures are DER, as KMS's are), KMS {@code GenerateDataKey} and {@code Decrypt} of envelope encryption
 * (data keys bound to their encryption context), and Secrets Manager {@code GetSecretValue}. There is no KMS or
 * Secrets Manager emulator on our machines (see docs/decisions/0006); this proves our side of the
 * protocol, not KMS's key policies or IAM.
 */
public final class KmsAndSecretsStandIn implements AutoCloseable {
    public static final String KEY_ID = "0b7c1f4e-5d2a-4c8e-9a61-3f2e8d7c6b5a";
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair key;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String keySpec = "ECC_NIST_P256";
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final SymmetricKey dataKeys = new SymmetricKey();

    public KmsAndSecretsStandIn() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            key = generator.generateKeyPair();
            server = LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint overrides that point the kms and secretsmanager clients here, as properties. */
    public Map<String, Object> endpointProperties() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(ConfigKeys.endpoint("kms"), url, ConfigKeys.endpoint("secretsmanager"), url);
    }

    /** Stores a secret; returns its ARN. */
    public String putSecret(String name, String value) {
        String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:" + name + "-AbCdEf";
        secrets.put(arn, value);
        return arn;
    }

    /** Makes GetPublicKey report another key spec, as a wrongly created key would. */
    public void reportKeySpec(String spec) {
        keySpec = spec;
    }

    /** How often {@code operation} (e.g. {@code GetPublicKey}) was called. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** The public key, DER SubjectPublicKeyInfo, as GetPublicKey returns it. */
    public byte[] publicKeyDer() {
        return key.getPublic().getEncoded();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            ObjectNode response = JSON.createObjectNode();
            int status = 200;
            try {
                switch (target == null ? "" : target) {
                    case "TrentService.GetPublicKey" -> {
                        requireKey(request.path("KeyId").asText());
                        response.put("KeyId", KEY_ARN).put("PublicKey", b64(publicKeyDer()))
                                .put("KeySpec", keySpec).put("CustomerMasterKeySpec", keySpec)
                                .put("KeyUsage", "SIGN_VERIFY").putArray("SigningAlgorithms").add("ECDSA_SHA_256");
                    }
                    case "TrentService.Sign" -> {
                        requireKey(request.path("KeyId").asText());
                        response.put("KeyId", KEY_ARN).put("SigningAlgorithm", "ECDSA_SHA_256")
                                .put("Signature", b64(sign(request)));
                    }
                    case "TrentService.GenerateDataKey" -> {
                        requireKey(request.path("KeyId").asText());
                        if (!"AES_256".equals(request.path("KeySpec").asText())) {
                            throw new Refused("ValidationException", "only KeySpec AES_256 is stood in for");
                        }
                        byte[] plain = new byte[32];
                        random.nextBytes(plain);
                        response.put("KeyId", KEY_ARN).put("Plaintext", b64(plain))
                                .put("CiphertextBlob", b64(dataKeys.wrap(plain, request.path("EncryptionContext"))));
                    }
                    case "TrentService.Decrypt" -> {
                        if (request.has("KeyId")) {
                            requireKey(request.path("KeyId").asText());
                        }
                        byte[] blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText());
                        response.put("KeyId", KEY_ARN).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                                .put("Plaintext", b64(dataKeys.unwrap(blob, request.path("EncryptionContext"))));
                    }
                    case "secretsmanager.GetSecretValue" -> {
                        String arn = request.path("SecretId").asText();
                        String value = secrets.get(arn);
                        if (value == null) {
                            throw new Refused("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                        }
                        response.put("ARN", arn).put("Name", arn.substring(arn.lastIndexOf(':') + 1))
                                .put("SecretString", value).put("VersionId", "v1");
                    }
                    default -> throw new Refused("UnknownOperationException", "not stood in for: " + target);
                }
            } catch (Refused e) {
                status = 400;
                response.removeAll();
                response.put("__type", e.type).put("message", e.getMessage());
            }
            byte[] body = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void requireKey(String keyId) {
        if (!KEY_ARN.equals(keyId) && !KEY_ID.equals(keyId)) {
            throw new Refused("NotFoundException", "Key '" + keyId + "' does not exist");
        }
    }

    // As KMS does: DIGEST signs the given 32-byte digest as it is, RAW hashes the message first; DER out.
    private byte[] sign(JsonNode request) {
        byte[] message = Base64.getDecoder().decode(request.path("Message").asText());
        String type = request.path("MessageType").asText("RAW");
        if (!"ECDSA_SHA_256".equals(request.path("SigningAlgorithm").asText())) {
            throw new Refused("InvalidKeyUsageException", "unsupported signing algorithm");
        }
        if ("DIGEST".equals(type) && message.length != 32) {
            throw new Refused("ValidationException", "Digest is invalid length for algorithm ECDSA_SHA_256.");
        }
        try {
            Signature signature = Signature.getInstance("DIGEST".equals(type) ? "NONEwithECDSA" : "SHA256withECDSA");
            signature.initSign(key.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * The symmetric key behind GenerateDataKey and Decrypt: AES-GCM with the encryption context (sorted) as
     * associated data, so a blob opens only with the context it was made with, as KMS's do.
     */
    private final class SymmetricKey {
        private final javax.crypto.SecretKey key;

        SymmetricKey() {
            try {
                javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
                generator.init(256);
                key = generator.generateKey();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] wrap(byte[] plain, JsonNode context) {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            byte[] sealed = cipher(javax.crypto.Cipher.ENCRYPT_MODE, nonce, context, plain, 0, plain.length);
            return java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        }

        byte[] unwrap(byte[] blob, JsonNode context) {
            if (blob.length <= 12) {
                throw new Refused("InvalidCiphertextException", "");
            }
            return cipher(javax.crypto.Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(blob, 12), context, blob, 12, blob.length - 12);
        }

        private byte[] cipher(int mode, byte[] nonce, JsonNode context, byte[] input, int offset, int length) {
            try {
                javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
                java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
                context.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue().asText()));
                cipher.updateAAD(sorted.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return cipher.doFinal(input, offset, length);
            } catch (javax.crypto.AEADBadTagException e) {
                throw new Refused("InvalidCiphertextException", "");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Refused extends RuntimeException {
        private final String type;

        Refused(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}
