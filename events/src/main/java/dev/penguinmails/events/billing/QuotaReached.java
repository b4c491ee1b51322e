package dev.penguinmails.events.billing;

import io.micronaut.serde.annotation.Serdeable;

/** {@code billing.quota.warning}: {@code metric} reached 80% of its limit in the period starting {@code periodStart}. */
@Serdeable
public record QuotaReached(String metric, long used, long limit, String periodStart) { }
