package dev.penguinmails.billing.stripe;

import com.stripe.net.RequestOptions;

/**
 * Idempotency keys for Stripe's write calls, made from what the call is about, so that a retried request or event
 * repeats the same call instead of making a second customer, session or charge.
 */
public final class IdempotencyKeys {
    private IdempotencyKeys() { }

    public static RequestOptions of(String... parts) {
        return RequestOptions.builder().setIdempotencyKey("penguinmails-" + String.join(":", parts)).build();
    }
}
