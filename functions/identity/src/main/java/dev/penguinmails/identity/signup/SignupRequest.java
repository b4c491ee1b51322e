package dev.penguinmails.identity.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /v1/signup}. Checked by {@link SignupService}, which names every bad field at once. */
@Serdeable
@Schema(name = "SignupRequest")
public record SignupRequest(
        @Schema(description = "Email address; also the sign-in name", example = "maria@acme-sales.com",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254) @Nullable String email,
        @Schema(description = "8 to 128 characters, judged by a strength estimator against common passwords and your own name and address",
                requiredMode = Schema.RequiredMode.REQUIRED, minLength = 8, maxLength = 128) @Nullable String password,
        @Schema(description = "Your name as colleagues see it", example = "Maria Gonzalez",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) @Nullable String name,
        @Schema(description = "Name of your first workspace", example = "Acme Sales",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) @Nullable String workspaceName,
        @Schema(description = "IANA time zone; default UTC", example = "Europe/Madrid") @Nullable String timezone,
        @Schema(description = "BCP 47 language tag for emails; default en", example = "es") @Nullable String locale) {
}
