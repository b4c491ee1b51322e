package dev.penguinmails.identity.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /v1/auth/refresh}. */
@Serdeable
@Schema(name = "RefreshRequest")
public record RefreshRequest(
        @Schema(description = "The refresh token from the last login or refresh", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String refreshToken) {
}
