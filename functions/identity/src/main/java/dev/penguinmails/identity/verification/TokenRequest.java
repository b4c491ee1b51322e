package dev.penguinmails.identity.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A body carrying the token from an email link. */
@Serdeable
@Schema(name = "TokenRequest")
public record TokenRequest(
        @Schema(description = "The token from the link in the email (43 characters)",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token) {
}
