package dev.penguinmails.identity.sessions;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The tokens a successful login or refresh returns. */
@Serdeable
@Schema(name = "TokenResponse", description = "Tokens for API calls. Keep the refresh token secret; it works once.")
public record TokenResponse(
        @Schema(description = "ES256 JWT for 'Authorization: Bearer'; valid for expiresIn seconds") String accessToken,
        @Schema(description = "Single-use token for POST /v1/auth/refresh; presenting it again more than 20 s after its use ends the session") String refreshToken,
        @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
        @Schema(description = "Always Bearer", example = "Bearer") String tokenType,
        @Schema(description = "The login session these tokens belong to (see GET /v1/me/sessions)") String sessionId,
        @Schema(description = "Whether the address is verified; unverified accounts cannot send campaigns") boolean emailVerified) {
}
