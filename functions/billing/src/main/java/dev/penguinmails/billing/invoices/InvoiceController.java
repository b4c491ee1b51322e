package dev.penguinmails.billing.invoices;

import dev.penguinmails.billing.catalog.PlanCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.stripe.StripeProblem;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.RequiresPermission;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET .../billing/invoices}: the workspace's latest invoices, read from Stripe.
 */
@Controller("/v1/workspaces/{workspaceId}/billing/invoices")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
class InvoiceController {
    private static final long LIMIT = 24L;
    private final BillingAccounts accounts;
    private final StripeGateway stripe;

    InvoiceController(BillingAccounts accounts, StripeGateway stripe) {
        this.accounts = accounts;
        this.stripe = stripe;
    }

    @Get
    @RequiresPermission(Permission.BILLING_READ)
    @Operation(operationId = "listInvoices", summary = "List invoices",
            description = "The latest 24, newest first, with amounts, status and links to the hosted page and PDF.")
    Invoices list(@PathVariable String workspaceId) {
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        if (account.customerId() == null) {
            return new Invoices(List.of());
        }
        try {
            return new Invoices(stripe.invoices(account.customerId(), LIMIT).stream().map(InvoiceController::view).toList());
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    private static InvoiceView view(Invoice i) {
        return new InvoiceView(
            i.getId(),
            i.getStatus(),
            i.getAmountDue(),
            i.getAmountPaid(),
            i.getCurrency(),
            Instant.ofEpochSecond(i.getCreated()),
            epoch(i.getPeriodStart()),
            epoch(i.getPeriodEnd()),
            i.getHostedInvoiceUrl(),
            i.getInvoicePdf()
        );
    }

    private static Instant epoch(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /** Always with {@code items}, so that no invoices is an empty list rather than an empty object. */
    @Serdeable
    record Invoices(@JsonInclude(JsonInclude.Include.ALWAYS) List<InvoiceView> items) { }
}
