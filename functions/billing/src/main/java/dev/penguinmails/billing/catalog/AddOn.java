package dev.penguinmails.billing.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * Something sold on top of a plan, such as extra mailboxes, with its monthly and yearly prices in US cents.
 */
@Serdeable
public record AddOn(String id, String name, int mailboxesPerUnit, Map<Interval, Long> pricesInCents) {
    public AddOn {
        pricesInCents = Map.copyOf(pricesInCents);
    }

    public String lookupKey(Interval interval) {
        return PlanCatalog.lookupKey("addon_" + id, interval);
    }
}
