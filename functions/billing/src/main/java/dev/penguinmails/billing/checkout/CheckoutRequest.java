package dev.penguinmails.billing.checkout;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The plan and billing interval to check out.
 */
@Serdeable
@Schema(name = "CheckoutRequest")
public record CheckoutRequest(
        @NotBlank @Pattern(regexp = "^[a-z_]{1,40}$", message = "must be a plan id such as growth")
        @Schema(example = "growth") String planId,
        @NotBlank @Pattern(regexp = "^(monthly|yearly)$", message = "must be monthly or yearly")
        @Schema(example = "monthly") String interval) { }

