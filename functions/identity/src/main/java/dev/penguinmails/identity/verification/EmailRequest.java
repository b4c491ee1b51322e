package dev.penguinmails.identity.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A body naming an address to send a link to. */
@Serdeable
@Schema(name = "EmailRequest")
public record EmailRequest(
        @Schema(example = "maria@acme-sales.com", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String email) {
}
