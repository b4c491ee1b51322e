package dev.penguinmails.identity.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A member as the API shows them. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Member")
public record MemberView(
        @Schema(example = "usr_01JD5Q2X7V4G0ZK3M8N6P9R2TS") String userId,
        @Nullable @Schema(example = "ada@example.com") String email,
        @Nullable @Schema(example = "Ada Lovelace") String name,
        @Schema(allowableValues = {"owner", "admin", "billing_admin", "member", "viewer"}) String role,
        @Schema(description = "Whether this is the primary owner, who cannot leave before transferring ownership")
        boolean primaryOwner,
        Instant joinedAt) {

    static MemberView of(Member m, @Nullable MemberProfiles.Profile profile, String primaryOwnerId) {
        return new MemberView(m.userId(), profile == null ? null : profile.email(), profile == null ? null : profile.name(),
                m.role().wireName(), m.userId().equals(primaryOwnerId), m.joinedAt());
    }
}
