package dev.penguinmails.billing.webhooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/**
 * What billing keeps of a verified Stripe event: its id, type and object, and the customer that orders it. The
 * object itself is read afresh from Stripe when the event is processed.
 */
@Serdeable
public record StripeEventNotice(String id, String type, long created, String objectId, @Nullable String customer) {

    /**
     * The notice of event {@code id}, whose {@code data.object} is {@code object}; empty when the object has no id.
     * A customer event's object is the customer; any other names its customer, if it has one.
     */
    static Optional<StripeEventNotice> of(String id, String type, long created, JsonObject object) {
        String objectId = text(object, "id");
        if (objectId == null) {
            return Optional.empty();
        }
        String customer = "customer".equals(text(object, "object")) ? objectId : text(object, "customer");
        return Optional.of(new StripeEventNotice(id, type, created, objectId, customer));
    }

    /** The FIFO message group: one customer's events are processed in order, different customers' in parallel. */
    public String messageGroup() {
        return customer == null ? "no-customer" : customer;
    }

    static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
