package dev.penguinmails.identity.sessions;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A session as its owner sees it in the list. */
@Serdeable
@Schema(name = "Session")
public record SessionView(
        String sessionId,
        @Schema(description = "Browser family and system, e.g. Chrome on macOS") String device,
        @Schema(description = "IP address of the last use") String ip,
        @Schema(description = "User-Agent of the last use") String userAgent,
        Instant createdAt,
        @Schema(description = "Last sign-in or token refresh") Instant lastUsedAt,
        @Schema(description = "When the session ends by itself") Instant expiresAt,
        @Schema(description = "Whether this is the session of the access token that asked") boolean current) {

    static SessionView of(Session session, String currentSessionId) {
        return new SessionView(session.sessionId(), session.device(), session.ip(), session.userAgent(), session.createdAt(),
                session.lastUsedAt(), session.expiresAt(), session.sessionId().equals(currentSessionId));
    }
}
