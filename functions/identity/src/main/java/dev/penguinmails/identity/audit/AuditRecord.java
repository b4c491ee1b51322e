package dev.penguinmails.identity.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** An audit entry as the audit-log endpoint shows it. */
@Serdeable
@Schema(name = "AuditRecord", description = "One security-relevant action in a workspace.")
public record AuditRecord(
        @Schema(example = "aud_01JD5Q2X7V4G0ZK3M8N6P9R2TS") String id,
        @Schema(example = "member.role_changed") String action,
        Actor actor,
        // The type beside nullable: OpenAPI 3.0 ignores nullable where no type is given.
        @Nullable @Schema(type = "object") Target target,
        @Nullable String ip,
        @Nullable String userAgent,
        Instant occurredAt,
        Map<String, String> details) {

    /** Who did it. */
    @Serdeable
    public record Actor(String id, ActorKind kind) { }

    /** What it was done to. */
    @Serdeable
    public record Target(@Nullable String type, @Nullable String id) { }
}
