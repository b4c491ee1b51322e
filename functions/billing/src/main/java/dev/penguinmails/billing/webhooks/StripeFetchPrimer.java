package dev.penguinmails.billing.webhooks;

import com.stripe.StripeClient;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import dev.penguinmails.shared.priming.Primer;
import java.util.List;
import java.util.Map;

/**
 * The Stripe consumer's first call fetches a subscription (or an invoice) through stripe-java, which loads the
 * client's request path and the models' JSON binding on the invocation. This runs those fetches against canned
 * answers, no network, on the early-priming thread; {@link StripeEventConsumer} adds it for itself alone
 * (decision 0081): as a family-wide primer it slowed billing's other entry points (decision 0078).
 */
final class StripeFetchPrimer implements Primer {
    private static final String PRICE = "{\"id\":\"price_primer\",\"object\":\"price\",\"active\":true,\"currency\":\"usd\","
            + "\"unit_amount\":100,\"lookup_key\":\"primer\",\"product\":\"prod_primer\",\"recurring\":{\"interval\":\"month\"}}";
    private static final Map<String, String> ANSWERS = Map.of(
            "/v1/subscriptions/sub_primer", "{\"id\":\"sub_primer\",\"object\":\"subscription\",\"status\":\"active\","
                    + "\"customer\":\"cus_primer\",\"metadata\":{},\"items\":{\"object\":\"list\",\"data\":"
                    + "[{\"id\":\"si_primer\",\"object\":\"subscription_item\",\"quantity\":1,\"price\":" + PRICE + "}]}}",
            "/v1/invoices/in_primer", "{\"id\":\"in_primer\",\"object\":\"invoice\",\"status\":\"paid\","
                    + "\"customer\":\"cus_primer\",\"amount_due\":100,\"parent\":{\"type\":\"subscription_details\","
                    + "\"subscription_details\":{\"subscription\":\"sub_primer\"}}}");

    @Override
    public String name() {
        return "stripe-fetches";
    }

    @Override
    public void prime() throws Exception {
        // A closed port: nothing leaves the process, the canned client answers.
        StripeClient stripe = StripeClient.builder().setApiKey("sk_test_primer").setApiBase("http://127.0.0.1:9")
                .setHttpClient(new CannedStripe()).build();
        if (!"sub_primer".equals(stripe.v1().subscriptions().retrieve("sub_primer").getId())
                || !"sub_primer".equals(stripe.v1().invoices().retrieve("in_primer").getParent()
                        .getSubscriptionDetails().getSubscription())) {
            throw new IllegalStateException("stripe-java bound a canned answer differently");
        }
    }

    /** Answers each request by its path, without the network. */
    private static final class CannedStripe extends HttpClient {
        @Override
        public StripeResponse request(StripeRequest request) {
            String body = ANSWERS.getOrDefault(request.url().getPath(), "{}");
            return new StripeResponse(200, HttpHeaders.of(Map.of("Request-Id", List.of("req_primer"))), body);
        }
    }
}
