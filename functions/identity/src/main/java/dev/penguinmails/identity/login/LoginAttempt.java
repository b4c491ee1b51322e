package dev.penguinmails.identity.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One entry of the login activity log. */
@Serdeable
@Schema(name = "LoginAttempt")
public record LoginAttempt(
        @Schema(description = "Time-sortable id of the attempt") String id,
        @Schema(description = "When, ISO-8601 UTC") Instant occurredAt,
        @Schema(description = "Client IP address") String ip,
        @Schema(description = "User-Agent as sent") String userAgent,
        @Schema(description = "Browser family and system, e.g. Firefox on Windows") String device,
        @Schema(description = "SUCCEEDED, WRONG_PASSWORD, LOCKED_OUT or THROTTLED") LoginOutcome outcome,
        @Schema(description = "The session a successful login opened") @Nullable String sessionId) {
}
