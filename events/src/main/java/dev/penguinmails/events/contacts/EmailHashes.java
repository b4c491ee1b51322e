package dev.penguinmails.events.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash that names an email address in a workspace: hex SHA-256 over {@code <workspaceId>\n<address lower-cased>},
 * where the address is normalised as contacts normalises it (domain in punycode, lower-case; decision 0033).
 * Contacts keys its uniqueness claims and suppression entries by it, its events carry it, and sending computes
 * it for each recipient to ask its copy of the suppression list, so both sides match the same addresses. The
 * workspace in the input keeps one workspace's hashes from matching another's. A hash confirms a guessed address
 * but does not reveal one, which is what an erased contact's suppression entry needs (and all it keeps).
 */
public final class EmailHashes {
    private EmailHashes() { }

    public static String of(String workspaceId, String normalisedAddress) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (workspaceId + "\n" + normalisedAddress.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
