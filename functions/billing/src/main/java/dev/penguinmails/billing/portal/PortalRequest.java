package dev.penguinmails.billing.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * The Customer Portal task to open on, if any.
 */
@Serdeable
@Schema(name = "PortalRequest")
public record PortalRequest(
        @Nullable
        @Pattern(regexp = "^(payment_method_update|subscription_cancel|subscription_update|invoices)$",
                message = "must be payment_method_update, subscription_cancel, subscription_update or invoices")
        @Schema(description = "Deep link: payment_method_update, subscription_cancel, subscription_update, or invoices"
                + " (the portal's home, where invoices are listed)")
        String task) { }

