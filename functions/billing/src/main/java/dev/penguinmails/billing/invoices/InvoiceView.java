package dev.penguinmails.billing.invoices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One invoice as the API shows it; amounts are in the currency's smallest unit.
 */
@Serdeable
public record InvoiceView(
    String id,
    String status,
    long amountDue,
    long amountPaid,
    String currency,
    Instant created,
    @Nullable Instant periodStart,
    @Nullable Instant periodEnd,
    @Nullable String hostedInvoiceUrl,
    @Nullable String invoicePdf
) { }
