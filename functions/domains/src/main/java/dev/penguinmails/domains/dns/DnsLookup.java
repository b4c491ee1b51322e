package dev.penguinmails.domains.dns;

import java.net.InetAddress;

/**
 * The DNS queries the domain checks need. Names are absolute (a trailing dot is optional); every call is one
 * question, answered FOUND, NODATA, NXDOMAIN or ERROR, never by an exception.
 */
public interface DnsLookup {
    /** The TXT records at {@code name}. */
    DnsAnswer<TxtRecord> txt(String name);

    /** The MX records at {@code name}. */
    DnsAnswer<MxRecord> mx(String name);

    /** The IPv4 addresses (A records) at {@code name}. */
    DnsAnswer<InetAddress> a(String name);

    /** The IPv6 addresses (AAAA records) at {@code name}. */
    DnsAnswer<InetAddress> aaaa(String name);

    /** The canonical name (CNAME target, without trailing dot) at {@code name}. */
    DnsAnswer<String> cname(String name);
}
