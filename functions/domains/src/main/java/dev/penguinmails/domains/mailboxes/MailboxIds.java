package dev.penguinmails.domains.mailboxes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A mailbox's id: {@code mbx_} and the first 128 bits of SHA-256 over the workspace and the lower-cased address,
 * in hex. Derived rather than random, so the key itself keeps an address to one mailbox per workspace (the local
 * DynamoDB has no transactions for a second uniqueness item) and a bulk import run twice finds what it made.
 */
public final class MailboxIds {
    public static final String PREFIX = "mbx_";

    private MailboxIds() { }

    public static String of(String workspaceId, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((workspaceId + "\n" + address.toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code id} has the shape of a mailbox id (a path may hold anything). */
    public static boolean wellFormed(String id) {
        return id != null && id.matches("mbx_[0-9a-f]{32}");
    }
}
