package dev.penguinmails.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductListParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every call billing makes to Stripe, in one place: the one interface to the payment provider. Write calls take
 * {@link IdempotencyKeys}, so that a retry repeats the call rather than making it twice.
 */
@Singleton
public class StripeGateway {
    /** The metadata key under which customers, Checkout sessions and subscriptions name their workspace. */
    public static final String WORKSPACE_METADATA = "workspace_id";
    /** The metadata key under which a Checkout session names its price, so that an open one can be reused. */
    public static final String PRICE_METADATA = "price_id";

    // Stripe's limits: lookup_keys takes at most 10 values, a list page at most 100 objects.
    private static final int LOOKUP_KEYS_PER_CALL = 10;
    private static final int PRODUCTS_PER_CALL = 100;

    private final StripeClient stripe;

    StripeGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    public Customer createCustomer(String workspaceId, RequestOptions key) throws StripeException {
        return stripe.v1().customers().create(CustomerCreateParams.builder()
                .setDescription("PenguinMails workspace " + workspaceId)
                .putMetadata(WORKSPACE_METADATA, workspaceId)
                .build(), key);
    }

    /** A subscription Checkout for one unit of {@code priceId}, with a trial if {@code trialDays} is positive. */
    public Session createCheckout(String customerId, String workspaceId, String priceId, long trialDays,
                                  String successUrl, String cancelUrl, RequestOptions key) throws StripeException {
        SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata(WORKSPACE_METADATA, workspaceId);
        if (trialDays > 0) {
            subscription.setTrialPeriodDays(trialDays);
        }
        return stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(workspaceId)
                .putMetadata(WORKSPACE_METADATA, workspaceId)
                .putMetadata(PRICE_METADATA, priceId)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .setSubscriptionData(subscription.build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .build(), key);
    }

    public Session checkoutSession(String id) throws StripeException {
        return stripe.v1().checkout().sessions().retrieve(id);
    }

    public void expireCheckout(String id, RequestOptions key) throws StripeException {
        stripe.v1().checkout().sessions().expire(id, SessionExpireParams.builder().build(), key);
    }

    /** A Customer Portal session, opened on {@code flow} if given, else on the portal's home page. */
    public com.stripe.model.billingportal.Session createPortal(String customerId, String returnUrl,
                                                               @Nullable FlowData flow, RequestOptions key)
            throws StripeException {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl);
        if (flow != null) {
            params.setFlowData(flow);
        }
        return stripe.v1().billingPortal().sessions().create(params.build(), key);
    }

    /** The customer's subscriptions in any status (a workspace has very few). */
    public List<Subscription> subscriptions(String customerId) throws StripeException {
        StripeCollection<Subscription> page = stripe.v1().subscriptions().list(SubscriptionListParams.builder()
                .setCustomer(customerId)
                .setStatus(SubscriptionListParams.Status.ALL)
                .setLimit(100L)
                .build());
        return page.getData();
    }

    public Subscription subscription(String id) throws StripeException {
        return stripe.v1().subscriptions().retrieve(id);
    }

    public Invoice invoice(String id) throws StripeException {
        return stripe.v1().invoices().retrieve(id);
    }

    /** The customer's latest {@code limit} invoices, newest first. */
    public List<Invoice> invoices(String customerId, long limit) throws StripeException {
        return stripe.v1().invoices()
                .list(InvoiceListParams.builder().setCustomer(customerId).setLimit(limit).build())
                .getData();
    }

    /** The active price with {@code lookupKey}; the catalog names prices only so. */
    public Optional<Price> priceByLookupKey(String lookupKey) throws StripeException {
        return stripe.v1().prices()
                .list(PriceListParams.builder().addLookupKey(lookupKey).setActive(true).build())
                .getData().stream().findFirst();
    }

    /**
     * The active prices that hold any of {@code lookupKeys}, by lookup key: one call per ten keys (Stripe's limit
     * on {@code lookup_keys}) instead of one a key.
     */
    public Map<String, Price> pricesByLookupKeys(List<String> lookupKeys) throws StripeException {
        Map<String, Price> found = new HashMap<>();
        for (int from = 0; from < lookupKeys.size(); from += LOOKUP_KEYS_PER_CALL) {
            List<String> keys = lookupKeys.subList(from, Math.min(lookupKeys.size(), from + LOOKUP_KEYS_PER_CALL));
            PriceListParams params = PriceListParams.builder().addAllLookupKey(keys).setActive(true)
                    .setLimit((long) keys.size()).build();
            for (Price price : stripe.v1().prices().list(params).getData()) {
                found.put(price.getLookupKey(), price);
            }
        }
        return found;
    }

    /** Which of the products {@code ids} exist: one call per hundred ids (a list page's limit). */
    public Set<String> existingProducts(List<String> ids) throws StripeException {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += PRODUCTS_PER_CALL) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + PRODUCTS_PER_CALL));
            ProductListParams params = ProductListParams.builder().addAllId(page).setLimit((long) page.size()).build();
            stripe.v1().products().list(params).getData().forEach(product -> found.add(product.getId()));
        }
        return found;
    }

    public Product createProduct(String id, String name, RequestOptions key) throws StripeException {
        return stripe.v1().products().create(ProductCreateParams.builder().setId(id).setName(name).build(), key);
    }

    /** A recurring price that takes over {@code lookupKey} from the price that had it. */
    public Price createPrice(String productId, String lookupKey, long unitAmount, String currency, String interval,
                             RequestOptions key) throws StripeException {
        return stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(productId)
                .setUnitAmount(unitAmount)
                .setCurrency(currency)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.valueOf(interval.toUpperCase(Locale.ROOT)))
                        .build())
                .setLookupKey(lookupKey)
                .setTransferLookupKey(true)
                .build(), key);
    }

    public void deactivatePrice(String priceId, RequestOptions key) throws StripeException {
        stripe.v1().prices().update(priceId, PriceUpdateParams.builder().setActive(false).build(), key);
    }

    /** The invoice that moving item {@code itemId} to {@code priceId} at {@code prorationDate} would make. */
    public Invoice previewChange(Subscription subscription, String itemId, String priceId, long prorationDate,
                                 InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior behavior)
            throws StripeException {
        return stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setCustomer(subscription.getCustomer())
                .setSubscription(subscription.getId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                                .setId(itemId)
                                .setPrice(priceId)
                                .build())
                        .setProrationDate(prorationDate)
                        .setProrationBehavior(behavior)
                        .build())
                .build());
    }

    /**
     * Moves item {@code itemId} to {@code priceId}, prorated as of {@code prorationDate} (the preview's, so that the
     * charge is what was previewed). With {@code pendingIfIncomplete}, Stripe applies the change only once it is paid.
     */
    public Subscription changePrice(String subscriptionId, String itemId, String priceId, long prorationDate,
                                    SubscriptionUpdateParams.ProrationBehavior behavior, boolean pendingIfIncomplete,
                                    RequestOptions key) throws StripeException {
        SubscriptionUpdateParams.Builder params = SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setPrice(priceId).build())
                .setProrationDate(prorationDate)
                .setProrationBehavior(behavior);
        if (pendingIfIncomplete) {
            params.setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.PENDING_IF_INCOMPLETE);
        }
        return stripe.v1().subscriptions().update(subscriptionId, params.build(), key);
    }

    public Subscription setCancelAtPeriodEnd(String subscriptionId, boolean cancel, @Nullable String comment,
                                             RequestOptions key) throws StripeException {
        SubscriptionUpdateParams.Builder params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel);
        if (comment != null) {
            params.setCancellationDetails(SubscriptionUpdateParams.CancellationDetails.builder()
                    .setComment(comment)
                    .build());
        }
        return stripe.v1().subscriptions().update(subscriptionId, params.build(), key);
    }

    /** Ends the subscription now, without refund. */
    public Subscription cancelNow(String subscriptionId, @Nullable String comment, RequestOptions key)
            throws StripeException {
        SubscriptionCancelParams.Builder params = SubscriptionCancelParams.builder();
        if (comment != null) {
            params.setCancellationDetails(SubscriptionCancelParams.CancellationDetails.builder()
                    .setComment(comment)
                    .build());
        }
        return stripe.v1().subscriptions().cancel(subscriptionId, params.build(), key);
    }

    /** A page of the events created since {@code createdSince} (epoch seconds) that Stripe failed to deliver. */
    public StripeCollection<Event> undeliveredEvents(long createdSince, @Nullable String startingAfter)
            throws StripeException {
        EventListParams.Builder params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(createdSince).build())
                .setDeliverySuccess(false)
                .setLimit(100L);
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        return stripe.v1().events().list(params.build());
    }
}
