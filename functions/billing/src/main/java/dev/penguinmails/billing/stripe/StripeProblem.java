package dev.penguinmails.billing.stripe;

import com.stripe.exception.StripeException;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/**
 * Turns a failed Stripe call into a {@code 503 payment-provider-unavailable} that names Stripe's request id.
 */
public final class StripeProblem {
    public static final ProblemType PAYMENT_PROVIDER_UNAVAILABLE =
            ProblemType.of("payment-provider-unavailable", "The payment provider did not answer", 503);

    private StripeProblem() { }

    public static ProblemException of(StripeException e) {
        // Stripe's request id lets support find the call in Stripe's logs.
        return new ProblemException(PAYMENT_PROVIDER_UNAVAILABLE,
                "The payment provider could not complete the request; try again shortly (Stripe request "
                        + (e.getRequestId() == null ? "unknown" : e.getRequestId()) + ").");
    }
}
