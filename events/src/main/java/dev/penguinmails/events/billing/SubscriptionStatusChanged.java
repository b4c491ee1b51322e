package dev.penguinmails.events.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code billing.subscription.status_changed}: senders stop new sends while {@code sendingPaused}; apply by version. */
@Serdeable
public record SubscriptionStatusChanged(@Nullable String previousStatus, String status, String planId,
                                        boolean sendingPaused, long version) { }
