package dev.penguinmails.billing.webhooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.penguinmails.billing.stripe.StripeSecrets;
import dev.penguinmails.billing.stripe.StripeSettings;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Verifies a webhook's Stripe-Signature and reads the event's notice from the verified payload. The payload is read
 * as plain JSON rather than as stripe-java's {@code Event}, so that an event of any API version is understood.
 */
@Singleton
public class WebhookVerifier {
    public static final ProblemType INVALID_SIGNATURE =
            ProblemType.of("invalid-signature", "The webhook signature is not valid", 400);

    private final StripeSecrets secrets;
    private final StripeSettings settings;

    WebhookVerifier(StripeSecrets secrets, StripeSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    /** The notice of the event in {@code payload}, once {@code signature} proves Stripe sent it recently. */
    public StripeEventNotice verify(String payload, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new ProblemException(INVALID_SIGNATURE, "The Stripe-Signature header is missing.");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, secrets.webhookSecret(),
                    settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new ProblemException(INVALID_SIGNATURE, "The Stripe-Signature does not match this payload, or it is too old.");
        }
        try {
            JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
            JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
            String id = StripeEventNotice.text(event, "id");
            String type = StripeEventNotice.text(event, "type");
            JsonElement created = event.get("created");
            long createdAt = created != null && !created.isJsonNull() ? created.getAsLong() : 0;
            if (id == null || type == null) {
                throw ProblemException.badRequest("The event has no id, type or object.");
            }
            return StripeEventNotice.of(id, type, createdAt, object)
                    .orElseThrow(() -> ProblemException.badRequest("The event has no id, type or object."));
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw ProblemException.badRequest("The event is not a Stripe event.");
        }
    }
}
