package dev.penguinmails.shared.secrets;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a sealed secret belongs to: its workspace and purpose (e.g. {@code dkim-private-key}) and the id of what
 * holds it. Bound into the encryption (KMS encryption context, AES-GCM associated data), so a ciphertext copied
 * onto another workspace's item, or used for another purpose, does not open.
 */
public record SecretContext(String workspaceId, String purpose, String ownerId) {
    public SecretContext {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    /** As KMS takes it: also written to CloudTrail with every decryption, which names whose secret was read. */
    public Map<String, String> asMap() {
        return new TreeMap<>(Map.of("workspaceId", workspaceId, "purpose", purpose, "ownerId", ownerId));
    }

    /** A canonical byte form for associated data: the sorted map, unambiguous because values cannot hold a newline. */
    byte[] canonical() {
        StringBuilder text = new StringBuilder();
        asMap().forEach((k, v) -> {
            if (v.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a secret context value cannot hold a newline: " + k);
            }
            text.append(k).append('=').append(v).append('\n');
        });
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
