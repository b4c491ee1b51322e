package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.catalog.AddOn;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import dev.penguinmails.billing.account.SubscriptionState;
import dev.penguinmails.billing.catalog.PlanCatalog;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a Stripe subscription into a {@link SubscriptionState}: the plan item by its price's lookup key, the add-ons
 * by theirs.
 */
@Singleton
public class SubscriptionReader {
    private final PlanCatalog catalog;

    SubscriptionReader(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    /** What {@code s} says, as read at {@code fetchedAt}; an item priced outside the catalog is ignored. */
    public SubscriptionState read(Subscription s, Instant fetchedAt) {
        String planId = PlanCatalog.FREE;
        String interval = null;
        int extraMailboxes = 0;
        Instant periodStart = null;
        Instant periodEnd = null;
        for (SubscriptionItem item : s.getItems().getData()) {
            String lookupKey = item.getPrice() == null ? null : item.getPrice().getLookupKey();
            Optional<PlanCatalog.PlanPrice> plan = lookupKey == null ? Optional.empty() : catalog.byLookupKey(lookupKey);
            if (plan.isPresent()) {
                planId = plan.get().plan().id();
                interval = plan.get().interval().wireName();
                periodStart = epoch(item.getCurrentPeriodStart());
                periodEnd = epoch(item.getCurrentPeriodEnd());
            } else if (lookupKey != null && catalog.addOns().stream()
                    .anyMatch(a -> lookupKey.startsWith(PlanCatalog.ADD_ON_PREFIX + a.id()))) {
                int quantity = item.getQuantity() == null ? 0 : item.getQuantity().intValue();
                String addOnId = lookupKey.replaceFirst("^" + PlanCatalog.ADD_ON_PREFIX, "")
                        .replaceFirst("_(monthly|yearly)$", "");
                extraMailboxes += quantity * catalog.addOn(addOnId).map(AddOn::mailboxesPerUnit).orElse(1);
            }
        }
        String reason = s.getCancellationDetails() == null ? null : s.getCancellationDetails().getComment();
        return new SubscriptionState(
            s.getId(),
            s.getCustomer(),
            planId,
            interval,
            s.getStatus(),
            extraMailboxes,
            periodStart,
            periodEnd,
            Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
            reason,
            epoch(s.getTrialEnd()),
            fetchedAt
        );
    }

    private static Instant epoch(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /** The item that carries the plan (the others are add-ons). */
    public Optional<SubscriptionItem> planItem(Subscription s) {
        return s.getItems().getData().stream()
            .filter(i -> i.getPrice() != null && i.getPrice().getLookupKey() != null
                    && catalog.byLookupKey(i.getPrice().getLookupKey()).isPresent())
            .findFirst();
    }
}
