package dev.penguinmails.identity.invitations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An invitation as the API shows it; never its token. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Invitation")
public record InvitationView(
        @Schema(example = "inv_01JD5Q2X7V4G0ZK3M8N6P9R2TS") String id,
        String email,
        @Schema(allowableValues = {"admin", "billing_admin", "member", "viewer"}) String role,
        InvitationStatus status,
        String invitedBy,
        Instant createdAt,
        int sendCount,
        @Nullable Instant lastSentAt,
        @Nullable @Schema(description = "When the current link stops working (set once the email went out)") Instant expiresAt,
        @Nullable String acceptedBy,
        @Nullable Instant acceptedAt) {

    static InvitationView of(Invitation i, Instant now) {
        return new InvitationView(i.invitationId(), i.email(), i.role().wireName(), i.statusAt(now), i.invitedBy(),
                i.createdAt(), i.sendCount(), i.lastSentAt(), i.tokenExpiresAt(), i.acceptedBy(), i.acceptedAt());
    }

    /** The answer to accepting an invitation. */
    @Serdeable
    @Schema(name = "AcceptedInvitation")
    public record Accepted(String workspaceId, String userId, @Schema(allowableValues = {"owner", "admin", "billing_admin", "member", "viewer"}) String role,
                           @Schema(description = "Whether a new account was created; sign in with POST /v1/auth/login")
                           boolean accountCreated) { }
}
