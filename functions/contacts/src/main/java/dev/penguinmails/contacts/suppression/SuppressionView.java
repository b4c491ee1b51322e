package dev.penguinmails.contacts.suppression;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A suppression entry as the API shows it. */
@Serdeable
@Schema(name = "Suppression")
public record SuppressionView(@Schema(description = "eml_<hash> or dom_<domain>") String id,
                              @Schema(description = "email or domain") String kind,
                              @Nullable @Schema(description = "Absent when only its hash is kept (after an erasure)") String email,
                              @Nullable String emailHash,
                              @Nullable String domain,
                              @Schema(description = "unsubscribed, hard-bounce, complaint, manual or erased") String reason,
                              String source, Instant createdAt) {
public static SuppressionView of(Suppression s) {
        return new SuppressionView(s.id(), s.kind().wire(), s.email(), s.emailHash(), s.domain(), s.reason().wire(),
                s.source(), s.createdAt());
    }
}
