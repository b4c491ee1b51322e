package dev.penguinmails.emulators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One resource record that {@link LocalDns} serves, in the JSON shape of its control API.
 * Names are fully qualified and compared case-insensitively, so they are kept in lower case with the
 * root dot; a TXT record keeps its character-strings exactly as given.
 *
 * @param values   the TXT record's character-strings, each at most 255 bytes; for every other type its one
 *                 value (an address, or the name an MX, CNAME or NS record points at)
 * @param priority the MX preference; {@code null} for every other type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DnsRecord(String name, Type type, int ttl, List<String> values, Integer priority) {

    /** The record types LocalDns serves. */
    public enum Type { A, AAAA, TXT, MX, CNAME, NS }

    public static final int DEFAULT_TTL = 300;
    private static final int MAX_STRING_BYTES = 255;

    public DnsRecord {
        Objects.requireNonNull(type, "type");
        name = fullyQualified(name, "name");
        if (ttl < 0) {
            throw new IllegalArgumentException("A DNS record's TTL cannot be negative, " + name + " has " + ttl + ".");
        }
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.isEmpty() || (type != Type.TXT && values.size() != 1)) {
            throw new IllegalArgumentException(type + " record " + name + " needs "
                    + (type == Type.TXT ? "at least one string" : "exactly one value") + ", not " + values.size() + ".");
        }
        for (String value : values) {
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
                throw new IllegalArgumentException("TXT record " + name + " has a string over 255 bytes; split it.");
            }
        }
        if (type == Type.MX || type == Type.CNAME || type == Type.NS) {
            values = List.of(fullyQualified(values.get(0), type + " target"));
        }
        if ((type == Type.MX) != (priority != null) || (priority != null && (priority < 0 || priority > 65_535))) {
            throw new IllegalArgumentException("Only an MX record has a priority (0 to 65535); " + type + " record "
                    + name + " has " + priority + ".");
        }
    }

    /** A TXT record with one or more character-strings, e.g. a DKIM key split into 255-byte pieces. */
    public static DnsRecord txt(String name, String... strings) {
        return new DnsRecord(name, Type.TXT, DEFAULT_TTL, List.of(strings), null);
    }

    public static DnsRecord mx(String name, int priority, String exchange) {
        return new DnsRecord(name, Type.MX, DEFAULT_TTL, List.of(exchange), priority);
    }

    public static DnsRecord cname(String name, String target) {
        return new DnsRecord(name, Type.CNAME, DEFAULT_TTL, List.of(target), null);
    }

    public static DnsRecord a(String name, String ipv4) {
        return new DnsRecord(name, Type.A, DEFAULT_TTL, List.of(ipv4), null);
    }

    public static DnsRecord aaaa(String name, String ipv6) {
        return new DnsRecord(name, Type.AAAA, DEFAULT_TTL, List.of(ipv6), null);
    }

    public static DnsRecord ns(String name, String nameServer) {
        return new DnsRecord(name, Type.NS, DEFAULT_TTL, List.of(nameServer), null);
    }

    /** This record with another TTL. */
    public DnsRecord withTtl(int seconds) {
        return new DnsRecord(name, type, seconds, values, priority);
    }

    private static String fullyQualified(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A DNS record's " + what + " must not be blank.");
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
