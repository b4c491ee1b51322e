package dev.penguinmails.domains.records;

import dev.penguinmails.domains.dns.DomainNames;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * One DNS record to publish, as an API serves it. {@code name} and targets are fully qualified without trailing
 * dot. {@code values}: for TXT the character-strings (each at most 255 bytes; joined they are the value), for MX
 * and CNAME the one target host. {@code priority} is the MX preference, null for other types.
 */
@Serdeable
public record DnsRecord(String name, RecordType type, long ttl, Integer priority, List<String> values) {
    public static final long DEFAULT_TTL = 3600;

    public DnsRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        name = DomainNames.normalize(name);
        values = List.copyOf(values);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("record name is empty");
        }
        if (ttl < 0 || ttl > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("TTL out of range: " + ttl);
        }
        if ((type == RecordType.MX) != (priority != null)) {
            throw new IllegalArgumentException("a priority is given for MX records and only for them");
        }
        if (priority != null && (priority < 0 || priority > 65535)) {
            throw new IllegalArgumentException("MX priority out of range: " + priority);
        }
        if (type == RecordType.TXT) {
            if (values.isEmpty() || values.stream().anyMatch(s -> TxtStrings.byteLength(s) > TxtStrings.MAX_BYTES)) {
                throw new IllegalArgumentException("TXT needs strings of at most 255 bytes");
            }
        } else {
            if (values.size() != 1) {
                throw new IllegalArgumentException(type + " has exactly one target");
            }
            values = List.of(DomainNames.normalize(values.get(0)));
        }
    }

    /** A TXT record of {@code value}, split into character-strings as needed. */
    public static DnsRecord txt(String name, long ttl, String value) {
        return new DnsRecord(name, RecordType.TXT, ttl, null, TxtStrings.split(value));
    }

    /** An MX record. */
    public static DnsRecord mx(String name, long ttl, int priority, String exchange) {
        return new DnsRecord(name, RecordType.MX, ttl, priority, List.of(exchange));
    }

    /** A CNAME record. */
    public static DnsRecord cname(String name, long ttl, String target) {
        return new DnsRecord(name, RecordType.CNAME, ttl, null, List.of(target));
    }

    /** The whole value: TXT strings joined, or the target host. */
    public String value() {
        return String.join("", values);
    }
}
