package dev.penguinmails.events.billing;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code billing.quota.exceeded}: {@code metric} reached its limit in the period starting {@code periodStart}.
 * The same fields as {@link QuotaReached}, but its own record: the registry maps each payload to one type.
 */
@Serdeable
public record QuotaExceeded(String metric, long used, long limit, String periodStart) { }
