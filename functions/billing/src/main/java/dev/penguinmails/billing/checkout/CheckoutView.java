package dev.penguinmails.billing.checkout;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A Checkout page to send the person to; {@code reused} when it is the one opened before.
 */
@Serdeable
public record CheckoutView(String sessionId, String url, boolean reused) { }
