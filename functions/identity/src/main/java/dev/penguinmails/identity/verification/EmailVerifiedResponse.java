package dev.penguinmails.identity.verification;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a successful verification. Access tokens issued before it still say unverified until refreshed. */
@Serdeable
@Schema(name = "EmailVerified")
public record EmailVerifiedResponse(String email, boolean emailVerified,
                                    @Schema(example = "Refresh your access token to send campaigns.") String message) {
}
