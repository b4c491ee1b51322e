package dev.penguinmails.sending.messages;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Makes RFC 5322 Message-IDs on the sending domain: {@code <time><random>@<domain>}, where the time is the send's
 * milliseconds in fixed-width hex, so ids sort by time as text, and 80 random bits keep them unique across workers.
 */
public final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MessageIds() { }

    /** A new id, without angle brackets (the header adds them), e.g. {@code 018c3f2a9b10.4f1c2d...@mail.acme.io}. */
    public static String next(String domain, long epochMillis) {
        if (domain == null || domain.isBlank() || domain.contains("@") || domain.contains(">")) {
            throw new IllegalArgumentException("not a sending domain: " + domain);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        StringBuilder id = new StringBuilder(12 + 1 + 20 + 1 + domain.length());
        for (int shift = 44; shift >= 0; shift -= 4) {
            id.append(HEX[(int) (epochMillis >>> shift) & 0xf]);
        }
        id.append('.');
        for (byte b : random) {
            id.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return id.append('@').append(domain.toLowerCase(Locale.ROOT)).toString();
    }
}
