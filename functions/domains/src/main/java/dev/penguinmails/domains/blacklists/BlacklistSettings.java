package dev.penguinmails.domains.blacklists;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Which blacklists are asked and how, bound from {@code penguinmails.blacklists.*}.
 *
 * @param ipZones      DNSBL zones asked about sending addresses ({@code ip-zones}; Spamhaus ZEN, Barracuda, SpamCop)
 * @param domainZones  RHSBL zones asked about the domain ({@code domain-zones}; Spamhaus DBL, SURBL multi)
 * @param sendingIps   the platform's own sending addresses, checked for every domain ({@code sending-ips}; none)
 * @param refusedCodes answers that mean "query refused", read as unknown: {@code cidr} for every zone or
 *                     {@code zone=cidr} for one ({@code refused-codes}; Spamhaus' 127.255.255.0/24, DBL's
 *                     127.0.1.255 and SURBL's 127.0.0.1). Any answer outside 127.0.0.0/8 is unknown as well.
 * @param resolvers    {@code host:port} of the resolvers asked ({@code resolvers}); empty means those of
 *                     {@code penguinmails.dns.resolvers}. Spamhaus and SURBL refuse public resolvers, so a
 *                     deployment that relies on them points this at a resolver of its own.
 * @param timeout      per query ({@code timeout}, 2 s)
 * @param budget       how long one domain's checks may take in all ({@code budget}, 10 s); a query still
 *                     unanswered then is unknown
 * @param parallelism  queries in flight at once for one domain ({@code parallelism}, 4)
 * @param maxAddresses sending addresses checked per domain ({@code max-addresses}, 20); the rest are reported
 *                     as not checked
 * @param checkAfter   how old the last check is before a verification checks again ({@code check-after}, 6 h): a
 *                     customer who verifies again and again while fixing DNS does not hammer the lists, which
 *                     limit queries. The daily re-verification always finds them older than that.
 * @param cacheFor     how long an address's answer is reused across domains ({@code cache-for}, 30 min): the
 *                     platform's addresses are shared by every domain. {@code POST .../blacklists/check} never
 *                     reuses one.
 */
@ConfigurationProperties("penguinmails.blacklists")
public record BlacklistSettings(
        @Bindable(defaultValue = "zen.spamhaus.org,b.barracudacentral.org,bl.spamcop.net") List<String> ipZones,
        @Bindable(defaultValue = "dbl.spamhaus.org,multi.surbl.org") List<String> domainZones,
        @Bindable(defaultValue = "") List<String> sendingIps,
        @Bindable(defaultValue = "127.255.255.0/24,dbl.spamhaus.org=127.0.1.255,multi.surbl.org=127.0.0.1") List<String> refusedCodes,
        @Bindable(defaultValue = "") List<String> resolvers,
        @Bindable(defaultValue = "2s") Duration timeout,
        @Bindable(defaultValue = "10s") Duration budget,
        @Bindable(defaultValue = "4") int parallelism,
        @Bindable(defaultValue = "20") int maxAddresses,
        @Bindable(defaultValue = "6h") Duration checkAfter,
        @Bindable(defaultValue = "30m") Duration cacheFor) {

    public BlacklistSettings {
        ipZones = clean(ipZones);
        domainZones = clean(domainZones);
        sendingIps = clean(sendingIps);
        refusedCodes = clean(refusedCodes);
        resolvers = clean(resolvers);
        if (parallelism < 1) {
            throw new IllegalArgumentException("penguinmails.blacklists.parallelism must be at least 1, not " + parallelism);
        }
        if (maxAddresses < 0) {
            throw new IllegalArgumentException("penguinmails.blacklists.max-addresses cannot be negative");
        }
        // Read now, so a bad address or rule stops the function at start rather than at the first check.
        sendingIps.forEach(SendingAddress::parse);
        RefusedCodes.parse(refusedCodes);
    }

    /** The refused-answer rules, read. */
    public RefusedCodes refused() {
        return RefusedCodes.parse(refusedCodes);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(".") ? s.substring(0, s.length() - 1) : s).toList();
    }
}
