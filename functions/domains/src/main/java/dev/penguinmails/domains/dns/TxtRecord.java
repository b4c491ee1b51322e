package dev.penguinmails.domains.dns;

import java.util.List;

/** One TXT record as published: its character-strings in order. */
public record TxtRecord(List<String> strings) {
    public TxtRecord {
        strings = List.copyOf(strings);
    }

    /** A record of the given strings. */
    public static TxtRecord of(String... strings) {
        return new TxtRecord(List.of(strings));
    }

    /** The strings concatenated without separator, as SPF (RFC 7208 §3.3), DKIM and DMARC read them. */
    public String joined() {
        return String.join("", strings);
    }
}
