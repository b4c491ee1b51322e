package dev.penguinmails.identity.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PATCH /v1/me}: the fields to change; absent fields stay as they are. */
@Serdeable
@Schema(name = "ProfileUpdate")
public record ProfileUpdate(
        @Schema(description = "1 to 100 characters", example = "Maria Gonzalez") @Nullable String name,
        @Schema(description = "IANA time zone", example = "America/Mexico_City") @Nullable String timezone,
        @Schema(description = "BCP 47 language tag", example = "es-MX") @Nullable String locale) {
}
