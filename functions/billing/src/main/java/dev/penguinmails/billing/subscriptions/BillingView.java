package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.catalog.Limits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A workspace's billing as the API shows it.
 */
@Serdeable
public record BillingView(
    String workspaceId,
    String planId,
    String planName,
    @Nullable String interval,
    String status,
    Limits limits,
    int extraMailboxes,
    @Nullable Instant periodStart,
    @Nullable Instant periodEnd,
    boolean cancelAtPeriodEnd,
    @Nullable String cancelReason,
    @Nullable Instant trialEnd,
    boolean sendingPaused,
    boolean hasPaymentAccount
) { }
