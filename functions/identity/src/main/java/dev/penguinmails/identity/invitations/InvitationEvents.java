package dev.penguinmails.identity.invitations;

import dev.penguinmails.events.EventType;
import dev.penguinmails.identity.accounts.AccountEvents;
import dev.penguinmails.identity.accounts.EventTypeSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The invitation events (source {@code penguinmails.identity}). No token travels in them: the email
 * consumer mints the link when it sends {@code invitation.sent}.
 */
@Singleton
public class InvitationEvents implements EventTypeSource {
    public static final EventType<InvitationSent> SENT =
            new EventType<>("invitation.sent", AccountEvents.SOURCE, 1, InvitationSent.class);
    public static final EventType<InvitationRevoked> REVOKED =
            new EventType<>("invitation.revoked", AccountEvents.SOURCE, 1, InvitationRevoked.class);
    public static final EventType<InvitationAccepted> ACCEPTED =
            new EventType<>("invitation.accepted", AccountEvents.SOURCE, 1, InvitationAccepted.class);
    public static final List<EventType<?>> ALL = List.of(SENT, REVOKED, ACCEPTED);

    @Override
    public Collection<EventType<?>> eventTypes() {
        return ALL;
    }

    /**
     * {@code invitation.sent}: an invitation is to be emailed (first send or a resend, {@code sendCount}).
     * Role is admin, member or viewer.
     */
    @Serdeable
    public record InvitationSent(String invitationId, String email, String role, String workspaceName,
                                 String inviterId, String inviterName, int sendCount) { }

    /** {@code invitation.revoked}: the link no longer works. */
    @Serdeable
    public record InvitationRevoked(String invitationId, String email, String actorId) { }

    /** {@code invitation.accepted}: {@code userId} joined the workspace with {@code role}. */
    @Serdeable
    public record InvitationAccepted(String invitationId, String userId, String email, String role, boolean accountCreated) { }
}
