package dev.penguinmails.domains.blacklists;

import dev.penguinmails.domains.dns.DomainNames;
import dev.penguinmails.domains.spf.IpNetwork;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which answers of a list mean "your query was refused" rather than "listed": ranges for every zone and ranges for
 * one zone, written {@code 127.255.255.0/24} or {@code dbl.spamhaus.org=127.0.1.255}. An answer that is no loopback
 * IPv4 address (a resolver that rewrites unknown names to an advertising page, say) is never a listing either.
 */
public record RefusedCodes(List<IpNetwork> everyZone, Map<String, List<IpNetwork>> byZone) {
    private static final IpNetwork LOOPBACK = IpNetwork.parse("127.0.0.0/8");

    public RefusedCodes {
        everyZone = List.copyOf(everyZone);
        byZone = Map.copyOf(byZone);
    }

    /** Reads the rules; throws naming the entry that is not a range or {@code zone=range}. */
    public static RefusedCodes parse(List<String> entries) {
        List<IpNetwork> every = new ArrayList<>();
        Map<String, List<IpNetwork>> byZone = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            try {
                if (eq < 0) {
                    every.add(IpNetwork.parse(entry.strip()));
                } else {
                    byZone.computeIfAbsent(DomainNames.normalize(entry.substring(0, eq).strip()), z -> new ArrayList<>())
                            .add(IpNetwork.parse(entry.substring(eq + 1).strip()));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("penguinmails.blacklists.refused-codes: '" + entry
                        + "' is neither an address range nor zone=range", e);
            }
        }
        return new RefusedCodes(every, byZone);
    }

    /** True when {@code code}, answered by {@code zone}, says nothing about a listing. */
    public boolean meansUnknown(String zone, InetAddress code) {
        if (!(code instanceof Inet4Address) || !LOOPBACK.contains(code)) {
            return true;
        }
        return everyZone.stream().anyMatch(n -> n.contains(code))
                || byZone.getOrDefault(DomainNames.normalize(zone), List.of()).stream().anyMatch(n -> n.contains(code));
    }
}
