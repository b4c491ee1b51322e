package dev.penguinmails.identity.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /v1/auth/login}. */
@Serdeable
@Schema(name = "LoginRequest")
public record LoginRequest(
        @Schema(example = "maria@acme-sales.com", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128) @Nullable String password) {
}
