package dev.penguinmails.billing.catalog;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans and add-ons, written once here. Stripe's prices are found by lookup key
 * ({@code penguinmails_<plan>_<interval>}), so that the catalog never holds Stripe ids; {@link CatalogSync} creates them.
 */
@Singleton
public class PlanCatalog {
    public static final String CURRENCY = "usd";
    public static final String FREE = "free";
    /** Products, prices and lookup keys of add-ons start so; plans' do not. */
    public static final String ADD_ON_PREFIX = "penguinmails_addon_";
    private static final List<Plan> PLANS = List.of(
        new Plan(FREE, "Free", 0, new Limits(1, 500, 1000, 1, 1), 0, Map.of()),
        new Plan("starter", "Starter", 1, new Limits(3, 5000, 10000, 1, 2), 14, prices(3900L)),
        new Plan("growth", "Growth", 2, new Limits(15, 50000, 100000, 3, 10), 14, prices(12900L)),
        new Plan("agency", "Agency", 3, new Limits(100, 500000, 1000000, 25, 50), 0, prices(39900L))
    );
    private static final List<AddOn> ADD_ONS = List.of(new AddOn("extra_mailbox", "Extra mailbox", 1, prices(900L)));

    private static Map<Interval, Long> prices(long monthlyCents) {
        return Map.of(Interval.MONTHLY, monthlyCents, Interval.YEARLY, monthlyCents * 10L);
    }

    public static String lookupKey(String id, Interval interval) {
        return "penguinmails_" + id + "_" + interval.wireName();
    }

    public List<Plan> plans() {
        return PLANS;
    }

    public List<AddOn> addOns() {
        return ADD_ONS;
    }

    public Optional<Plan> plan(String id) {
        return PLANS.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Plan free() {
        return plan(FREE).orElseThrow();
    }

    public Optional<AddOn> addOn(String id) {
        return ADD_ONS.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The paid plan {@code planId} billed {@code interval} (wire names), if the catalog sells it. */
    public Optional<PlanPrice> paidPrice(String planId, String interval) {
        return Interval.fromWire(interval).flatMap(i -> plan(planId)
                .filter(p -> p.paid() && p.pricesInCents().containsKey(i))
                .map(p -> new PlanPrice(p, i)));
    }

    /** The plan and interval whose price has {@code lookupKey}. */
    public Optional<PlanPrice> byLookupKey(String lookupKey) {
        for (Plan plan : PLANS) {
            for (Interval interval : plan.pricesInCents().keySet()) {
                if (lookupKey(plan.id(), interval).equals(lookupKey)) {
                    return Optional.of(new PlanPrice(plan, interval));
                }
            }
        }
        return Optional.empty();
    }

    /** A plan billed at one interval: one Stripe price. */
    public record PlanPrice(Plan plan, Interval interval) {
        public String lookupKey() {
            return PlanCatalog.lookupKey(this.plan.id(), this.interval);
        }
        public long amountInCents() {
            return this.plan.pricesInCents().get(this.interval);
        }
    }
}
