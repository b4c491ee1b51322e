package dev.penguinmails.sending.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What an unsubscribe link stands for: one message of one campaign to one contact of one workspace, valid until
 * {@code expiresAt}. Ids only, no address: the link travels in headers and logs.
 */
public record UnsubscribeToken(String workspaceId, String messageId, String contactId, String campaignId,
                               Instant expiresAt) {
    public UnsubscribeToken {
        for (String id : new String[] {workspaceId, messageId, contactId, campaignId}) {
            if (id == null || id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("token ids are 1 to 255 bytes");
            }
        }
        if (expiresAt == null) {
            throw new IllegalArgumentException("a token expires");
        }
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }
}
