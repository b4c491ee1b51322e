package dev.penguinmails.events.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code billing.dunning.step}: a step of the failed-payment path ({@code payment_failed}, {@code reminder},
 * {@code sending_paused}, {@code unpaid}, {@code canceled}, {@code recovered}, {@code trial_will_end});
 * {@code graceEndsAt} is ISO-8601 UTC.
 */
@Serdeable
public record DunningStep(String step, String status, @Nullable String hostedInvoiceUrl,
                          @Nullable String graceEndsAt) { }
