package dev.penguinmails.domains.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a TXT value into DNS character-strings, which hold at most 255 bytes each (RFC 1035 §3.3). */
public final class TxtStrings {
    public static final int MAX_BYTES = 255;

    private TxtStrings() {
    }

    /** {@code value} cut into strings of at most 255 UTF-8 bytes, never inside a character; joined they equal it. */
    public static List<String> split(String value) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = byteLength(character);
            if (currentBytes + bytes > MAX_BYTES) {
                strings.add(current.toString());
                current.setLength(0);
                currentBytes = 0;
            }
            current.append(character);
            currentBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (current.length() > 0 || strings.isEmpty()) {
            strings.add(current.toString());
        }
        return strings;
    }

    /** The length of {@code string} in UTF-8 bytes, as it goes on the wire. */
    public static int byteLength(String string) {
        return string.getBytes(StandardCharsets.UTF_8).length;
    }
}
