package dev.penguinmails.domains.dns;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one DNS query: its status, the records when FOUND (empty otherwise) and, for ERROR, why.
 *
 * @param <T> the record data of the asked type
 */
public record DnsAnswer<T>(DnsStatus status, List<T> records, String error) {
    public DnsAnswer {
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        if (status == DnsStatus.FOUND && records.isEmpty()) {
            throw new IllegalArgumentException("a FOUND answer needs records");
        }
        if (status != DnsStatus.FOUND && !records.isEmpty()) {
            throw new IllegalArgumentException(status + " answer cannot carry records");
        }
    }

    /** An answer with records. */
    public static <T> DnsAnswer<T> found(List<T> records) {
        return new DnsAnswer<>(DnsStatus.FOUND, records, null);
    }

    /** The name exists without records of the asked type. */
    public static <T> DnsAnswer<T> noData() {
        return new DnsAnswer<>(DnsStatus.NODATA, List.of(), null);
    }

    /** The name does not exist. */
    public static <T> DnsAnswer<T> nxDomain() {
        return new DnsAnswer<>(DnsStatus.NXDOMAIN, List.of(), null);
    }

    /** The query failed; {@code why} says how (e.g. "timeout", "SERVFAIL"). */
    public static <T> DnsAnswer<T> error(String why) {
        return new DnsAnswer<>(DnsStatus.ERROR, List.of(), why);
    }

    /** True when records were found. */
    public boolean isFound() {
        return status == DnsStatus.FOUND;
    }
}
