package dev.penguinmails.domains.dns;

/** What a DNS query answered, kept apart so that a failed query is never mistaken for a missing record. */
public enum DnsStatus {
    /** The name has records of the asked type. */
    FOUND,
    /** The name exists but has no record of the asked type. */
    NODATA,
    /** The name does not exist. */
    NXDOMAIN,
    /** No usable answer (timeout, SERVFAIL, REFUSED, malformed): whether records exist is unknown. */
    ERROR;

    /** True for NODATA and NXDOMAIN: the "void lookups" of RFC 7208 §4.6.4. */
    public boolean isVoid() {
        return this == NODATA || this == NXDOMAIN;
    }
}
