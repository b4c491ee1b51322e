package dev.penguinmails.billing.usage;

import dev.penguinmails.billing.quotas.QuotaService;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.Limits;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.subscriptions.AccountChanges;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET .../billing/usage}: usage against the limits in force.
 */
@Controller("/v1/workspaces/{workspaceId}/billing/usage")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
class UsageController {
    private final BillingAccounts accounts;
    private final AccountChanges changes;
    private final UsageCounters counters;

    UsageController(BillingAccounts accounts, AccountChanges changes, UsageCounters counters) {
        this.accounts = accounts;
        this.changes = changes;
        this.counters = counters;
    }

    @Get
    @RequiresPermission(Permission.BILLING_READ)
    @Operation(operationId = "getUsage", summary = "Usage against limits",
            description = "Emails are counted per billing period; mailboxes, contacts and seats as they stand.")
    Usage get(@PathVariable String workspaceId) {
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        Instant periodStart = UsagePeriods.periodStart(account, Instant.now());
        Limits limits = changes.limits(account);
        Map<Metric, Long> used = counters.all(workspaceId, periodStart.toString());
        return new Usage(
            periodStart,
            account.planId(),
            Arrays.stream(Metric.values())
                .map(m -> new MetricUsage(m.wireName(), used.get(m), limits.of(m), QuotaService.warningAt(limits.of(m)), m.perPeriod()))
                .toList()
        );
    }

    @Serdeable
    record MetricUsage(String metric, long used, long limit, long warningAt, boolean perPeriod) { }

    @Serdeable
    record Usage(Instant periodStart, String planId, List<MetricUsage> metrics) { }
}
