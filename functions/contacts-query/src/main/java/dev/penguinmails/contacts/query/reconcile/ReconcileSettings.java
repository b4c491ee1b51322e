package dev.penguinmails.contacts.query.reconcile;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The hourly reconciliation, bound from {@code penguinmails.contacts.reconcile.*}.
 *
 * @param budget   how long a run starts new pages before it records where it stopped and ends ({@code budget}, 40 s
 *                 of the function's 60 s timeout); the next run resumes there
 * @param pageSize contacts compared per page: one DynamoDB query page and the same id range of the query model
 *                 ({@code page-size}, 500), which bounds the memory a workspace of any size needs
 */
@ConfigurationProperties("penguinmails.contacts.reconcile")
public record ReconcileSettings(@Bindable(defaultValue = "40s") Duration budget,
                                @Bindable(defaultValue = "500") int pageSize) {
    public ReconcileSettings {
        if (budget.isNegative() || pageSize < 1 || pageSize > 1_000) {
            throw new IllegalArgumentException("penguinmails.contacts.reconcile: budget not negative, page-size 1 to 1000");
        }
    }
}
