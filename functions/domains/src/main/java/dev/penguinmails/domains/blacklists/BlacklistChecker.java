package dev.penguinmails.domains.blacklists;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.dns.DnsAnswer;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.dns.DnsjavaLookup;
import dev.penguinmails.domains.dns.TxtRecord;
import com.google.common.net.InetAddresses;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the configured DNSBLs about each address a domain sends from ({@link SendingAddresses}) and the RHSBLs about
 * the domain (and its registrable domain, when it is a subdomain): at most {@code parallelism} queries at once, each
 * within {@code timeout}, all within {@code budget}. NXDOMAIN is clean; an address in 127.0.0.0/8 that is not a
 * refused code is listed (with the list's TXT reason); everything else (refused codes, timeouts, SERVFAIL) is unknown.
 * Answers about addresses are reused for {@code cache-for}, since every domain shares the platform's.
 */
@Singleton
public class BlacklistChecker {
    private final BlacklistSettings settings;
    private final RefusedCodes refused;
    private final List<SendingAddresses> sources;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    BlacklistChecker(BlacklistSettings settings, List<SendingAddresses> sources) {
        this.settings = settings;
        this.refused = settings.refused();
        this.sources = List.copyOf(sources);
    }

    /** True when checks last run at {@code lastChecked} (null: never) are due again with a verification. */
    public boolean due(@Nullable Instant lastChecked, Instant now) {
        return lastChecked == null || !lastChecked.plus(settings.checkAfter()).isAfter(now);
    }

    /**
     * Checks {@code domain} now, asking the blacklists' own resolvers or else {@code dnsResolvers}; {@code fresh}
     * asks again even what the cache knows.
     */
    public BlacklistReport check(Domain domain, List<String> dnsResolvers, boolean fresh) {
        DnsjavaLookup dns = new DnsjavaLookup(settings.resolvers().isEmpty() ? dnsResolvers : settings.resolvers(),
                settings.timeout());
        List<String> notChecked = new ArrayList<>();
        Map<InetAddress, SendingAddress> addresses = new LinkedHashMap<>();
        for (SendingAddresses source : sources) {
            SendingAddresses.Found found = source.find(domain, dns);
            found.addresses().forEach(a -> addresses.putIfAbsent(a.address(), a));
            notChecked.addAll(found.notChecked());
        }
        List<SendingAddress> checked = addresses.values().stream().limit(settings.maxAddresses()).toList();
        if (addresses.size() > checked.size()) {
            notChecked.add((addresses.size() - checked.size()) + " more sending addresses (at most "
                    + settings.maxAddresses() + " are checked per domain: penguinmails.blacklists.max-addresses)");
        }
        List<Question> questions = new ArrayList<>();
        for (SendingAddress address : checked) {
            for (String zone : settings.ipZones()) {
                questions.add(new Question(zone, "ip", address.text(), address.source(),
                        DnsblNames.forAddress(address.address(), zone)));
            }
        }
        List<String> names = domain.subdomain() ? List.of(domain.name(), domain.organizationalDomain()) : List.of(domain.name());
        for (String name : names) {
            for (String zone : settings.domainZones()) {
                questions.add(new Question(zone, "domain", name, null, DnsblNames.forDomain(name, zone)));
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Listing> listings = ask(questions, dns, fresh, now);
        return new BlacklistReport(now, listings, notChecked, dns.queryCount());
    }

    private List<Listing> ask(List<Question> questions, DnsLookup dns, boolean fresh, Instant now) {
        if (questions.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), questions.size()));
        try {
            List<Future<Answer>> running = new ArrayList<>();
            for (Question q : questions) {
                running.add(pool.submit((Callable<Answer>) () -> answer(q, dns, fresh, now)));
            }
            long deadline = System.nanoTime() + settings.budget().toNanos();
            List<Listing> listings = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                Answer answer;
                try {
                    answer = running.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    running.get(i).cancel(true);
                    answer = Answer.unknown("no answer within the check's " + settings.budget().toSeconds() + " s", false);
                } catch (ExecutionException e) {
                    answer = Answer.unknown(e.getCause().toString(), false);
                }
                listings.add(questions.get(i).listing(answer));
            }
            return listings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking blacklists", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer answer(Question q, DnsLookup dns, boolean fresh, Instant now) {
        String key = q.zone() + " " + q.queried();
        if ("ip".equals(q.kind()) && !fresh) {
            Cached cached = cache.get(key);
            if (cached != null && cached.at().plus(settings.cacheFor()).isAfter(now)) {
                return cached.answer();
            }
        }
        Answer answer = ask(q, dns);
        if ("ip".equals(q.kind()) && answer.status() != Listing.Status.UNKNOWN) {
            cache.put(key, new Cached(answer, now));
        }
        return answer;
    }

    private Answer ask(Question q, DnsLookup dns) {
        DnsAnswer<InetAddress> a = dns.a(q.name());
        return switch (a.status()) {
            case NXDOMAIN, NODATA -> Answer.CLEAN;
            case ERROR -> Answer.unknown(a.error(), false);
            case FOUND -> {
                List<String> codes = a.records().stream().map(InetAddresses::toAddrString).toList();
                if (a.records().stream().anyMatch(code -> refused.meansUnknown(q.zone(), code))) {
                    yield new Answer(Listing.Status.UNKNOWN, codes, null,
                            "answered " + String.join(", ", codes) + ", which means the query was refused or is no list answer",
                            true);
                }
                DnsAnswer<TxtRecord> why = dns.txt(q.name());
                String reason = why.isFound() ? why.records().get(0).joined() : null;
                yield new Answer(Listing.Status.LISTED, codes, reason, null, false);
            }
        };
    }

    /** One query: which list, about what, and the name asked. */
    private record Question(String zone, String kind, String queried, @Nullable String source, String name) {
        Listing listing(Answer a) {
            String hint = switch (a.status()) {
                case LISTED -> DelistingHints.listed(zone, queried, source);
                case UNKNOWN -> DelistingHints.unknown(zone, a.refused());
                case CLEAN -> null;
            };
            return new Listing(zone, kind, queried, source, a.status().wireName(), a.codes(), a.reason(), a.detail(), hint);
        }
    }

    /** What a list answered, before it is told about whom. */
    private record Answer(Listing.Status status, List<String> codes, @Nullable String reason, @Nullable String detail,
                          boolean refused) {
        static final Answer CLEAN = new Answer(Listing.Status.CLEAN, List.of(), null, null, false);

        static Answer unknown(String detail, boolean refused) {
            return new Answer(Listing.Status.UNKNOWN, List.of(), null, detail, refused);
        }
    }

    private record Cached(Answer answer, Instant at) { }
}
