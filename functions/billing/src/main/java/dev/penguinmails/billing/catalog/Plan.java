package dev.penguinmails.billing.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan: its limits, trial length, rank (to tell upgrades from downgrades) and prices in US cents; free has none.
 */
@Serdeable
public record Plan(String id, String name, int rank, Limits limits, int trialDays, Map<Interval, Long> pricesInCents) {
    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(limits, "limits");
        pricesInCents = Map.copyOf(pricesInCents);
    }

    public boolean paid() {
        return !pricesInCents.isEmpty();
    }

    public Optional<String> lookupKey(Interval interval) {
        return pricesInCents.containsKey(interval) ? Optional.of(PlanCatalog.lookupKey(id, interval)) : Optional.empty();
    }
}
