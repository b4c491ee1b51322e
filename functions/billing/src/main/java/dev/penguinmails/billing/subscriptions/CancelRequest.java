package dev.penguinmails.billing.subscriptions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to cancel: at the end of the period (default) or now, and why.
 */
@Serdeable
@Schema(name = "CancelRequest")
public record CancelRequest(
        @Nullable @Schema(description = "true (default): at the end of the period; false: now, without refund")
        Boolean atPeriodEnd,
        @Nullable @Size(max = 500)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
        @Schema(description = "Why, in the customer's words; kept with the subscription")
        String reason) {

    public boolean endOfPeriod() {
        return atPeriodEnd == null || atPeriodEnd;
    }
}

