package dev.penguinmails.domains.dns;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A zone held in memory for tests: a name with any record exists (so other types answer NODATA), any other
 * name is NXDOMAIN, and names marked failing answer ERROR. Counts the questions asked.
 */
public final class InMemoryDns implements DnsLookup {
    private final Map<String, List<TxtRecord>> txt = new HashMap<>();
    private final Map<String, List<MxRecord>> mx = new HashMap<>();
    private final Map<String, List<InetAddress>> addresses = new HashMap<>();
    private final Map<String, String> cnames = new HashMap<>();
    private final Set<String> existing = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> asked = new ArrayList<>();

    /** Adds a TXT record of the given character-strings at {@code name}. */
    public InMemoryDns txt(String name, String... strings) {
        txt.computeIfAbsent(key(name), k -> new ArrayList<>()).add(TxtRecord.of(strings));
        existing.add(key(name));
        return this;
    }

    /** Adds an MX record. */
    public InMemoryDns mx(String name, int preference, String exchange) {
        mx.computeIfAbsent(key(name), k -> new ArrayList<>()).add(new MxRecord(preference, exchange));
        existing.add(key(name));
        return this;
    }

    /** Adds an A or AAAA record, by the literal's family. */
    public InMemoryDns address(String name, String literal) {
        addresses.computeIfAbsent(key(name), k -> new ArrayList<>()).add(InetAddresses.forString(literal));
        existing.add(key(name));
        return this;
    }

    /** Adds a CNAME record. */
    public InMemoryDns cname(String name, String target) {
        cnames.put(key(name), target);
        existing.add(key(name));
        return this;
    }

    /** Makes every question about {@code name} answer ERROR, as a resolver timing out would. */
    public InMemoryDns failing(String name) {
        failing.add(key(name));
        return this;
    }

    /** The questions asked so far, as {@code TYPE name}. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public DnsAnswer<TxtRecord> txt(String name) {
        return answer("TXT", name, txt.getOrDefault(key(name), List.of()));
    }

    @Override
    public DnsAnswer<MxRecord> mx(String name) {
        return answer("MX", name, mx.getOrDefault(key(name), List.of()));
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        return answer("A", name, addresses.getOrDefault(key(name), List.of()).stream()
                .filter(Inet4Address.class::isInstance).toList());
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        return answer("AAAA", name, addresses.getOrDefault(key(name), List.of()).stream()
                .filter(Inet6Address.class::isInstance).toList());
    }

    @Override
    public DnsAnswer<String> cname(String name) {
        String target = cnames.get(key(name));
        return answer("CNAME", name, target == null ? List.of() : List.of(target));
    }

    private <T> DnsAnswer<T> answer(String type, String name, List<T> records) {
        asked.add(type + " " + key(name));
        if (failing.contains(key(name))) {
            return DnsAnswer.error("timeout");
        }
        if (!records.isEmpty()) {
            return DnsAnswer.found(records);
        }
        return existing.contains(key(name)) ? DnsAnswer.noData() : DnsAnswer.nxDomain();
    }

    private static String key(String name) {
        return DomainNames.normalize(name);
    }
}
