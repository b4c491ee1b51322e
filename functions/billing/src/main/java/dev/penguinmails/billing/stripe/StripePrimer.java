package dev.penguinmails.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductListParams;
import dev.penguinmails.shared.priming.Primer;
import java.util.List;
import java.util.Map;

/**
 * Runs the Stripe calls billing makes first (the catalog's two lists, a subscription and an invoice fetched
 * for a webhook) through stripe-java against canned answers, early in init: the first real call otherwise loads
 * the client's request path and the models' JSON binding on the invocation. It needs no beans, so it is listed
 * in {@code META-INF/services} (shared's EarlyPriming).
 */
public final class StripePrimer implements Primer {
    private static final String PRICE = "{\"id\":\"price_primer\",\"object\":\"price\",\"active\":true,\"currency\":\"usd\","
            + "\"unit_amount\":100,\"lookup_key\":\"primer\",\"product\":\"prod_primer\",\"recurring\":{\"interval\":\"month\"}}";
    private static final Map<String, String> ANSWERS = Map.of(
            "/v1/prices", "{\"object\":\"list\",\"url\":\"/v1/prices\",\"has_more\":false,\"data\":[" + PRICE + "]}",
            "/v1/products", "{\"object\":\"list\",\"url\":\"/v1/products\",\"has_more\":false,"
                    + "\"data\":[{\"id\":\"prod_primer\",\"object\":\"product\",\"name\":\"Primer\"}]}",
            "/v1/subscriptions/sub_primer", "{\"id\":\"sub_primer\",\"object\":\"subscription\",\"status\":\"active\","
                    + "\"customer\":\"cus_primer\",\"metadata\":{},\"items\":{\"object\":\"list\",\"data\":"
                    + "[{\"id\":\"si_primer\",\"object\":\"subscription_item\",\"quantity\":1,\"price\":" + PRICE + "}]}}",
            "/v1/invoices/in_primer", "{\"id\":\"in_primer\",\"object\":\"invoice\",\"status\":\"paid\","
                    + "\"customer\":\"cus_primer\",\"amount_due\":100}");

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public void prime() throws Exception {
        StripeClient stripe = StripeClient.builder().setApiKey("sk_test_primer").setApiBase("http://127.0.0.1:9")
                .setHttpClient(new CannedStripe()).build();
        stripe.v1().prices().list(PriceListParams.builder().addLookupKey("primer").setActive(true).setLimit(1L).build());
        stripe.v1().products().list(ProductListParams.builder().addId("prod_primer").setLimit(1L).build());
        stripe.v1().subscriptions().retrieve("sub_primer");
        stripe.v1().invoices().retrieve("in_primer");
    }

    /** Answers each request from {@link #ANSWERS} by its path, without the network. */
    private static final class CannedStripe extends HttpClient {
        @Override
        public StripeResponse request(StripeRequest request) {
            String body = ANSWERS.getOrDefault(request.url().getPath(), "{}");
            return new StripeResponse(200, HttpHeaders.of(Map.of("Request-Id", List.of("req_primer"))), body);
        }
    }
}
