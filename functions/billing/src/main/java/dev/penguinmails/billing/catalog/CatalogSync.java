package dev.penguinmails.billing.catalog;

import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes Stripe's products and prices match the {@link PlanCatalog}: creates what is missing, and replaces a price
 * whose amount changed (moving its lookup key to the new one and retiring the old). Safe to run again.
 */
@Singleton
public class CatalogSync {
    private final PlanCatalog catalog;
    private final StripeGateway stripe;

    CatalogSync(PlanCatalog catalog, StripeGateway stripe) {
        this.catalog = catalog;
        this.stripe = stripe;
    }

    /**
     * Brings Stripe in line with the catalog; answers the lookup keys of the prices created and of those kept.
     * It reads what Stripe holds in a few list calls (products by id, prices by lookup key) and writes only what
     * differs, so a catalog already in place costs two calls.
     */
    public Report sync() throws StripeException {
        List<Entry> entries = entries();
        Set<String> products = stripe.existingProducts(entries.stream().map(Entry::productId).distinct().toList());
        Map<String, Price> prices = stripe.pricesByLookupKeys(entries.stream().map(Entry::lookupKey).toList());
        List<String> created = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Entry entry : entries) {
            if (products.add(entry.productId())) {
                stripe.createProduct(entry.productId(), entry.name(), IdempotencyKeys.of("catalog-product", entry.productId()));
            }
            Optional<Price> current = Optional.ofNullable(prices.get(entry.lookupKey()));
            if (current.isPresent() && current.get().getUnitAmount() == entry.amountInCents()
                    && PlanCatalog.CURRENCY.equals(current.get().getCurrency())) {
                unchanged.add(entry.lookupKey());
            } else {
                replace(entry, current);
                created.add(entry.lookupKey());
            }
        }
        return new Report(created, unchanged);
    }

    /**
     * Stripe prices are immutable: a new amount is a new price, which takes over the lookup key. The key names
     * the price it replaces, so that a later change back to an earlier amount is a new request rather than a
     * replay of the price that was retired since.
     */
    private void replace(Entry entry, Optional<Price> current) throws StripeException {
        stripe.createPrice(entry.productId(), entry.lookupKey(), entry.amountInCents(), PlanCatalog.CURRENCY,
                entry.interval().stripeInterval(),
                IdempotencyKeys.of("catalog-price", entry.lookupKey(), Long.toString(entry.amountInCents()),
                        current.map(Price::getId).orElse("none")));
        if (current.isPresent()) {
            stripe.deactivatePrice(current.get().getId(), IdempotencyKeys.of("catalog-retire", current.get().getId()));
        }
    }

    /** Every price the catalog sells, paid plans first, then add-ons. */
    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Plan plan : catalog.plans()) {
            if (plan.paid()) {
                plan.pricesInCents().forEach((interval, amount) -> entries.add(new Entry("penguinmails_" + plan.id(),
                        "PenguinMails " + plan.name(), interval, amount, plan.lookupKey(interval).orElseThrow())));
            }
        }
        for (AddOn addOn : catalog.addOns()) {
            addOn.pricesInCents().forEach((interval, amount) -> entries.add(new Entry(PlanCatalog.ADD_ON_PREFIX + addOn.id(),
                    "PenguinMails " + addOn.name(), interval, amount, addOn.lookupKey(interval))));
        }
        return entries;
    }

    /** One price of the catalog and the product it belongs to. */
    private record Entry(String productId, String name, Interval interval, long amountInCents, String lookupKey) { }

    /** The lookup keys of the prices created and of those already right. */
    @Serdeable
    public record Report(List<String> created, List<String> unchanged) { }
}
