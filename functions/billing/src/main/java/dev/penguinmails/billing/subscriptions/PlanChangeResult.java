package dev.penguinmails.billing.subscriptions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The account after a plan change; an upgrade whose payment needs action names its invoice.
 */
@Serdeable
public record PlanChangeResult(BillingView billing, boolean paymentPending, @Nullable String invoiceId, @Nullable String hostedInvoiceUrl) { }
