package dev.penguinmails.billing.subscriptions;

import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior;
import com.stripe.param.SubscriptionUpdateParams;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.Interval;
import dev.penguinmails.billing.catalog.Plan;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.checkout.BillingProblems;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.stripe.StripeProblem;
import dev.penguinmails.shared.problems.ProblemException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Previews and makes plan changes. An upgrade is invoiced at once and applies once paid (pending if incomplete);
 * a downgrade applies at once with credit prorated, and is refused while usage is above the smaller plan.
 */
@Singleton
public class PlanChangeService {
    static final Duration PREVIEW_VALIDITY = Duration.ofMinutes(30L);
    private final PlanCatalog catalog;
    private final BillingAccounts accounts;
    private final StripeGateway stripe;
    private final SubscriptionReader reader;
    private final SubscriptionSync sync;
    private final UsageCheck usage;
    private final BillingViews views;
    private final Clock clock = Clock.systemUTC();

    PlanChangeService(
        PlanCatalog catalog,
        BillingAccounts accounts,
        StripeGateway stripe,
        SubscriptionReader reader,
        SubscriptionSync sync,
        UsageCheck usage,
        BillingViews views
    ) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.stripe = stripe;
        this.reader = reader;
        this.sync = sync;
        this.usage = usage;
        this.views = views;
    }

    private Target target(String workspaceId, PlanChangeRequest request) {
        PlanCatalog.PlanPrice choice = catalog.paidPrice(request.planId(), request.interval())
                .orElseThrow(() -> BillingProblems.unknownPlan(request.planId(), request.interval()));
        Plan plan = choice.plan();
        Interval interval = choice.interval();
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        if (!account.hasLiveSubscription()) {
            throw BillingProblems.noSubscription();
        }
        if (plan.id().equals(account.planId()) && interval.wireName().equals(account.interval())) {
            throw ProblemException.conflict("The workspace is already on " + plan.name() + " billed " + interval.wireName() + ".");
        }
        Plan current = catalog.plan(account.planId()).orElse(catalog.free());
        // Same plan, monthly to yearly, is an upgrade: it is paid up front.
        boolean upgrade = plan.rank() > current.rank() || plan.rank() == current.rank() && interval == Interval.YEARLY;
        if (!upgrade) {
            usage.requireWithin(account, plan.name(), plan.limits().withExtraMailboxes(account.extraMailboxes()));
        }
        return new Target(account, plan, interval, upgrade);
    }

    /** What changing to the requested plan would cost now; nothing changes. */
    public PlanChangePreview preview(String workspaceId, PlanChangeRequest request) {
        Target target = target(workspaceId, request);
        long prorationDate = clock.instant().getEpochSecond();
        try {
            Subscription subscription = stripe.subscription(target.account().subscriptionId());
            SubscriptionItem item = planItem(subscription);
            Price price = price(target);
            Invoice preview = stripe.previewChange(
                    subscription,
                    item.getId(),
                    price.getId(),
                    prorationDate,
                    target.upgrade() ? ProrationBehavior.ALWAYS_INVOICE : ProrationBehavior.CREATE_PRORATIONS
                );
            return new PlanChangePreview(
                target.plan().id(),
                target.interval().wireName(),
                target.upgrade() ? "upgrade" : "downgrade",
                prorationDate,
                target.upgrade() ? preview.getAmountDue() : 0L,
                preview.getCurrency(),
                preview.getLines().getData().stream().map(l -> new PlanChangePreview.Line(l.getDescription(), l.getAmount())).toList()
            );
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    /** Makes the previewed change; the request's prorationDate makes Stripe charge exactly the previewed amount. */
    public PlanChangeResult change(String workspaceId, PlanChangeRequest request) {
        if (request.prorationDate() == null) {
            throw ProblemException.invalid("prorationDate", "must be the prorationDate of a preview");
        }
        Instant previewed = Instant.ofEpochSecond(request.prorationDate());
        Instant now = clock.instant();
        // A minute of clock skew is allowed; past the validity, prices or proration may have moved.
        if (previewed.isAfter(now.plusSeconds(60)) || previewed.isBefore(now.minus(PREVIEW_VALIDITY))) {
            throw new ProblemException(BillingProblems.PREVIEW_EXPIRED, "Preview the change again: its prices are only held for "
                    + PREVIEW_VALIDITY.toMinutes() + " minutes.");
        }
        Target target = target(workspaceId, request);
        try {
            Subscription subscription = stripe.subscription(target.account().subscriptionId());
            SubscriptionItem item = planItem(subscription);
            Price price = price(target);
            Instant fetchedAt = clock.instant();
            // An upgrade is invoiced now and, if payment fails, left pending instead of applied unpaid.
            Subscription changed = stripe.changePrice(subscription.getId(), item.getId(), price.getId(),
                    request.prorationDate(),
                    target.upgrade()
                            ? SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE
                            : SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS,
                    target.upgrade(),
                    IdempotencyKeys.of("plan-change", subscription.getId(), price.getId(),
                            Long.toString(request.prorationDate())));
            BillingAccount account = sync.apply(changed, fetchedAt);
            boolean pending = changed.getPendingUpdate() != null;
            Invoice invoice = target.upgrade() && changed.getLatestInvoice() != null
                    ? stripe.invoice(changed.getLatestInvoice())
                    : null;
            return new PlanChangeResult(views.of(account), pending, invoice == null ? null : invoice.getId(),
                    invoice == null ? null : invoice.getHostedInvoiceUrl());
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    private SubscriptionItem planItem(Subscription subscription) {
        return reader.planItem(subscription).orElseThrow(BillingProblems::noSubscription);
    }

    private Price price(Target target) throws StripeException {
        String lookupKey = PlanCatalog.lookupKey(target.plan().id(), target.interval());
        return stripe.priceByLookupKey(lookupKey).orElseThrow(() -> BillingProblems.unknownPlan(target.plan().id(), target.interval().wireName()));
    }

    private record Target(BillingAccount account, Plan plan, Interval interval, boolean upgrade) { }
}
