package dev.penguinmails.local;

import dev.penguinmails.emulators.DnsRecord;
import java.util.List;

/**
 * The platform's own DNS records, which customers' records point at: the SPF include of our sending hosts, the
 * bounce MX host and the tracking host. On the internet they exist; the local DNS server gets them at start, so a
 * domain set up locally can verify. The names are the domains function's defaults ({@code penguinmails.domains.*}).
 */
final class PlatformZone {
    static final String ZONE = "penguinmails.dev";

    private PlatformZone() { }

    static List<DnsRecord> records() {
        return List.of(
                DnsRecord.txt("_spf." + ZONE, "v=spf1 ip4:127.0.0.1 -all"),
                DnsRecord.a("feedback." + ZONE, "127.0.0.1"),
                DnsRecord.a("track." + ZONE, "127.0.0.1"));
    }
}
