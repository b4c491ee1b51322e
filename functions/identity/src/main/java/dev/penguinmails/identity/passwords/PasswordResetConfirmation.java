package dev.penguinmails.identity.passwords;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /v1/auth/password-reset/confirm}. */
@Serdeable
@Schema(name = "PasswordResetConfirmation")
public record PasswordResetConfirmation(
        @Schema(description = "The token from the reset email", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token,
        @Schema(description = "The new password, 8 to 128 characters, judged by the strength estimator",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newPassword) {
}
