package dev.penguinmails.sending.quota;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The emails a month of a workspace billing has not published a plan for (a new workspace is on the free plan until
 * it subscribes), bound from {@code penguinmails.sending.quota.*}. They must match the free plan of billing's catalog
 * ({@code PlanCatalog}: 1,000 emails a month).
 *
 * @param defaultEmailsPerMonth emails such a workspace may send a month ({@code default-emails-per-month}, 1000)
 */
@ConfigurationProperties("penguinmails.sending.quota")
public record QuotaSettings(@Bindable(defaultValue = "1000") int defaultEmailsPerMonth) {
}
