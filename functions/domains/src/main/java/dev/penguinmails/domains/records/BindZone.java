package dev.penguinmails.domains.records;

import dev.penguinmails.domains.dns.DomainNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Renders records as a BIND zone-file snippet that customers can paste into a zone or a provider's import. */
public final class BindZone {
    private BindZone() {
    }

    /**
     * One line per record ({@code owner TTL IN TYPE data}); owners are relative to {@code origin} ({@code @} for
     * the origin itself) or, when {@code origin} is null or does not contain them, fully qualified with a
     * trailing dot. Targets are always fully qualified.
     */
    public static String render(List<DnsRecord> records, String origin) {
        String zone = origin == null ? null : DomainNames.normalize(origin);
        StringBuilder text = new StringBuilder();
        for (DnsRecord record : records) {
            text.append(owner(record.name(), zone)).append('\t').append(record.ttl()).append("\tIN\t")
                    .append(record.type()).append('\t').append(data(record)).append('\n');
        }
        return text.toString();
    }

    private static String owner(String name, String zone) {
        if (zone != null && name.equals(zone)) {
            return "@";
        }
        if (zone != null && name.endsWith("." + zone)) {
            return name.substring(0, name.length() - zone.length() - 1);
        }
        return name + ".";
    }

    private static String data(DnsRecord record) {
        return switch (record.type()) {
            case MX -> record.priority() + " " + record.value() + ".";
            case CNAME -> record.value() + ".";
            case TXT -> txtData(record.values());
        };
    }

    private static String txtData(List<String> strings) {
        if (strings.size() == 1) {
            return quoted(strings.get(0));
        }
        // Parentheses let one record span lines; its strings stay separate character-strings.
        StringBuilder data = new StringBuilder("(");
        for (String string : strings) {
            data.append("\n\t\t").append(quoted(string));
        }
        return data.append(" )").toString();
    }

    /** {@code value} in double quotes with {@code "} and {@code \} escaped and other non-printable bytes as \DDD. */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xFF;
            if (octet == '"' || octet == '\\') {
                quoted.append('\\').append((char) octet);
            } else if (octet >= 0x20 && octet < 0x7F) {
                quoted.append((char) octet);
            } else {
                quoted.append(String.format(Locale.ROOT, "\\%03d", octet));
            }
        }
        return quoted.append('"').toString();
    }
}
