package dev.penguinmails.domains.verification;

import dev.penguinmails.domains.catalog.DomainStore;
import dev.penguinmails.domains.catalog.DomainStore.DueDomain;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.domains.catalog.DomainSettings;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks the domains due (last checked more than {@link DomainSettings#reverifyAfter()} ago), with at most
 * {@link DnsSettings#parallelism()} at once so resolvers are not hammered, until none is due or the time budget
 * ({@link DomainSettings#reverifyBudget()}) is spent.
 */
@Singleton
public class Reverification {
    private static final Logger LOG = LoggerFactory.getLogger(Reverification.class);
    private static final String ACTOR = "system:reverify-domains";
    private static final int BATCH = 100;

    private final DomainStore store;
    private final DomainVerifier verifier;
    private final DnsSettings dns;
    private final Duration after;
    private final Duration budget;

    Reverification(DomainStore store, DomainVerifier verifier, DnsSettings dns, DomainSettings settings) {
        this.store = store;
        this.verifier = verifier;
        this.dns = dns;
        this.after = settings.reverifyAfter();
        this.budget = settings.reverifyBudget();
    }

    /** What one run did; {@code dnsQueries} over {@code checked} is the cost per domain. */
    @Serdeable
    public record Summary(int checked, int verified, int failing, int unknown, long dnsQueries, boolean finished) { }

    public Summary run() {
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger unknown = new AtomicInteger();
        AtomicLong queries = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(dns.parallelism());
        boolean finished = false;
        try {
            while (System.nanoTime() < deadline) {
                List<DueDomain> due = store.due(Instant.now().minus(after), BATCH);
                if (due.isEmpty()) {
                    finished = true;
                    break;
                }
                List<Future<?>> running = new ArrayList<>();
                for (DueDomain d : due) {
                    running.add(pool.submit(() -> {
                        if (System.nanoTime() >= deadline) {
                            return;
                        }
                        TenantContext tenant = TenantContext.system(d.workspaceId(), ACTOR);
                        try {
                            store.get(tenant, d.name()).ifPresent(domain -> {
                                Verification v = verifier.verify(tenant, domain);
                                checked.incrementAndGet();
                                queries.addAndGet(v.queries());
                                (switch (v.outcome()) {
                                    case PASSED -> verified;
                                    case FAILED -> failing;
                                    case UNKNOWN -> unknown;
                                }).incrementAndGet();
                            });
                        } catch (RuntimeException e) {
                            // One domain's trouble (changed meanwhile, a throttled table) must not stop the others.
                            LOG.warn("Re-verifying {} of {} failed; the next run retries it: {}", d.name(), d.workspaceId(), e.toString());
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Summary summary = new Summary(checked.get(), verified.get(), failing.get(), unknown.get(), queries.get(), finished);
        LOG.info("Re-verified domains: {}", summary);
        return summary;
    }
}
