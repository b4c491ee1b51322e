package dev.penguinmails.events.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code billing.plan.changed}: the workspace's plan and the limits now in force; apply by {@code version}.
 * The period bounds are ISO-8601 UTC, absent on the free plan.
 */
@Serdeable
public record PlanChanged(String planId, @Nullable String previousPlanId, @Nullable String interval, String status,
                          PlanLimits limits, @Nullable String periodStart, @Nullable String periodEnd,
                          long version) { }
