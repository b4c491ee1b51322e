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
import java.util.Map.Entry;
import java.util.function.Function;

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

    /** Brings Stripe in line with the catalog; answers the lookup keys of the prices created and of those kept. */
    public Report sync() throws StripeException {
        List<String> created = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Plan plan : catalog.plans()) {
            if (plan.paid()) {
                sync("penguinmails_" + plan.id(), "PenguinMails " + plan.name(), plan.pricesInCents(), plan::lookupKey,
                        created, unchanged);
            }
        }
        for (AddOn addOn : catalog.addOns()) {
            sync(PlanCatalog.ADD_ON_PREFIX + addOn.id(), "PenguinMails " + addOn.name(), addOn.pricesInCents(),
                    i -> Optional.of(addOn.lookupKey(i)), created, unchanged);
        }
        return new Report(created, unchanged);
    }

    private void sync(String productId, String name, Map<Interval, Long> prices,
                      Function<Interval, Optional<String>> lookupKeys, List<String> created, List<String> unchanged)
            throws StripeException {
        if (stripe.product(productId).isEmpty()) {
            stripe.createProduct(productId, name, IdempotencyKeys.of("catalog-product", productId));
        }
        for (Entry<Interval, Long> price : prices.entrySet()) {
            String lookupKey = lookupKeys.apply(price.getKey()).orElseThrow();
            Optional<Price> current = stripe.priceByLookupKey(lookupKey);
            if (current.isPresent() && current.get().getUnitAmount() == price.getValue().longValue()
                    && PlanCatalog.CURRENCY.equals(current.get().getCurrency())) {
                unchanged.add(lookupKey);
            } else {
                // Stripe prices are immutable: a new amount is a new price, which takes over the lookup key. The key
                // names the price it replaces, so that a later change back to an earlier amount is a new request
                // rather than a replay of the price that was retired since.
                stripe.createPrice(
                        productId,
                        lookupKey,
                        price.getValue(),
                        PlanCatalog.CURRENCY,
                        price.getKey().stripeInterval(),
                        IdempotencyKeys.of("catalog-price", lookupKey, Long.toString(price.getValue()),
                                current.map(Price::getId).orElse("none"))
                    );
                if (current.isPresent()) {
                    stripe.deactivatePrice(current.get().getId(), IdempotencyKeys.of("catalog-retire", current.get().getId()));
                }
                created.add(lookupKey);
            }
        }
    }

    /** The lookup keys of the prices created and of those already right. */
    @Serdeable
    public record Report(List<String> created, List<String> unchanged) { }
}
