package dev.penguinmails.billing.webhooks;

import dev.penguinmails.shared.auth.PublicEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /v1/billing/stripe/webhook}: verifies Stripe's signature and queues the events billing acts on. It answers
 * quickly and does no work itself, as Stripe expects.
 */
@Controller("/v1/billing/stripe/webhook")
@Tag(name = "Billing")
class StripeWebhookController {
    private final WebhookVerifier verifier;
    private final StripeEventQueue queue;

    StripeWebhookController(WebhookVerifier verifier, StripeEventQueue queue) {
        this.verifier = verifier;
        this.queue = queue;
    }

    @Post
    @PublicEndpoint
    @Operation(operationId = "receiveStripeWebhook", summary = "Stripe webhook",
            description = "For Stripe only. The raw event, signed in Stripe-Signature with the endpoint's secret. 400 invalid-signature when the signature is missing, wrong or older than five minutes.")
    @ApiResponse(responseCode = "200", description = "Received (queued, or not an event billing acts on)")
    @ApiResponse(responseCode = "400", description = "invalid-signature")
    Received receive(@Body String payload, @Nullable @Header("Stripe-Signature") String signature) {
        StripeEventNotice notice = verifier.verify(payload, signature);
        boolean handled = HandledEvents.TYPES.contains(notice.type());
        if (handled) {
            queue.enqueue(notice);
        }
        return new Received(true, handled);
    }

    @Serdeable
    record Received(boolean received, boolean queued) { }
}
