package dev.penguinmails.identity.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /v1/me/email-change}. */
@Serdeable
@Schema(name = "EmailChangeRequest")
public record EmailChangeRequest(
        @Schema(description = "The address to switch to", example = "maria@new-company.com",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newEmail,
        @Schema(description = "Your current password", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String password) {
}
