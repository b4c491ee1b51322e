package dev.penguinmails.identity.invitations;

import dev.penguinmails.shared.auth.Role;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to join a workspace with a role, sent to an email address. Its link (token) is minted
 * when the email is sent, so {@code tokenHash} and {@code tokenExpiresAt} are empty until then; a
 * resend mints a new one and the old link stops working. Accepting marks it ACCEPTED (by {@code acceptedBy})
 * first, then adds the membership, then records {@code joinedAt}; until then the invitee may finish with the
 * same link (a retry after a failure part-way).
 */
public record Invitation(String invitationId, String workspaceId, String email, String emailNormalized, Role role,
                         InvitationStatus status, String invitedBy, Instant createdAt, int sendCount,
                         @Nullable Instant lastSentAt, @Nullable String tokenHash, @Nullable Instant tokenExpiresAt,
                         @Nullable String acceptedBy, @Nullable Instant acceptedAt, @Nullable Instant joinedAt,
                         long version) {
    public Invitation {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailNormalized, "emailNormalized");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The status a person sees at {@code now}: a pending invitation whose link ran out is EXPIRED. */
    public InvitationStatus statusAt(Instant now) {
        if (status == InvitationStatus.PENDING && tokenExpiresAt != null && !tokenExpiresAt.isAfter(now)) {
            return InvitationStatus.EXPIRED;
        }
        return status;
    }
}
