package dev.penguinmails.billing.subscriptions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The plan and interval to change to; {@code prorationDate} from the preview when changing.
 */
@Serdeable
@Schema(name = "PlanChangeRequest")
public record PlanChangeRequest(
        @NotBlank @Pattern(regexp = "^[a-z_]{1,40}$", message = "must be a plan id such as growth") String planId,
        @NotBlank @Pattern(regexp = "^(monthly|yearly)$", message = "must be monthly or yearly") String interval,
        @Nullable @Positive @Schema(description = "The preview's prorationDate (epoch seconds); required to change")
        Long prorationDate) { }
