package dev.penguinmails.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Stripe idempotency keys are made from what a call is about, never from time or chance, so that a retried request
 * sends Stripe the key it sent the first time.
 */
class IdempotencyKeysTest {
    @Test
    void theSameRequestGetsTheSameKeyEveryTime() {
        String first = IdempotencyKeys.of("checkout", "ws_01", "first", "price_growth").getIdempotencyKey();
        String again = IdempotencyKeys.of("checkout", "ws_01", "first", "price_growth").getIdempotencyKey();

        assertThat(again).isEqualTo(first);
        assertThat(first).isEqualTo("penguinmails-checkout:ws_01:first:price_growth");
    }

    @Test
    void anythingElseGetsAnotherKey() {
        String checkout = IdempotencyKeys.of("checkout", "ws_01", "first", "price_growth").getIdempotencyKey();

        assertThat(IdempotencyKeys.of("checkout", "ws_02", "first", "price_growth").getIdempotencyKey()).isNotEqualTo(checkout);
        assertThat(IdempotencyKeys.of("checkout", "ws_01", "cs_test_1", "price_growth").getIdempotencyKey()).isNotEqualTo(checkout);
        assertThat(IdempotencyKeys.of("checkout", "ws_01", "first", "price_agency").getIdempotencyKey()).isNotEqualTo(checkout);
        assertThat(IdempotencyKeys.of("customer", "ws_01").getIdempotencyKey())
                .isNotEqualTo(IdempotencyKeys.of("customer", "ws_02").getIdempotencyKey());
    }

    @Test
    void aPlanChangeIsKeyedOnItsProrationDate() {
        // The preview's proration date identifies one change: a retry repeats it, a new preview makes a new one.
        String change = IdempotencyKeys.of("plan-change", "sub_1", "price_growth", "1767225600").getIdempotencyKey();

        assertThat(IdempotencyKeys.of("plan-change", "sub_1", "price_growth", "1767225600").getIdempotencyKey()).isEqualTo(change);
        assertThat(IdempotencyKeys.of("plan-change", "sub_1", "price_growth", "1767225660").getIdempotencyKey()).isNotEqualTo(change);
    }
}
