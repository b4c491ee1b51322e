package dev.penguinmails.events.identity;

import dev.penguinmails.events.EventType;
import dev.penguinmails.events.identity.accounts.AccountLocked;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.identity.accounts.EmailChangeRequested;
import dev.penguinmails.events.identity.accounts.EmailChanged;
import dev.penguinmails.events.identity.accounts.EmailVerified;
import dev.penguinmails.events.identity.accounts.NewDeviceLogin;
import dev.penguinmails.events.identity.accounts.PasswordChanged;
import dev.penguinmails.events.identity.accounts.PasswordResetRequested;
import dev.penguinmails.events.identity.accounts.SignupDuplicate;
import dev.penguinmails.events.identity.accounts.VerificationRequested;
import dev.penguinmails.events.identity.apikeys.ApiKeyCreated;
import dev.penguinmails.events.identity.apikeys.ApiKeyRevoked;
import dev.penguinmails.events.identity.invitations.InvitationAccepted;
import dev.penguinmails.events.identity.invitations.InvitationRevoked;
import dev.penguinmails.events.identity.invitations.InvitationSent;
import dev.penguinmails.events.identity.members.MemberLeft;
import dev.penguinmails.events.identity.members.MemberRemoved;
import dev.penguinmails.events.identity.members.MemberRoleChanged;
import dev.penguinmails.events.identity.workspaces.OwnershipTransferred;
import dev.penguinmails.events.identity.workspaces.WorkspaceCreated;
import dev.penguinmails.events.identity.workspaces.WorkspaceDeleted;
import dev.penguinmails.events.identity.workspaces.WorkspacePurged;
import dev.penguinmails.events.identity.workspaces.WorkspaceRenamed;
import dev.penguinmails.events.identity.workspaces.WorkspaceRestored;
import java.util.List;

/**
 * Every event type the identity function publishes (source {@code penguinmails.identity}); listed in
 * {@link dev.penguinmails.events.EventTypes}. A constant is named after its detail-type. No payload
 * carries a token or a password: events are stored and fanned out, so a consumer that mails a link
 * asks identity for a fresh one-time token. Addresses are included where mailing them is the point.
 */
public final class IdentityEvents {
    public static final String SOURCE = "penguinmails.identity";

    /** A person created an account and its first workspace; the emails consumer welcomes them. */
    public static final EventType<AccountSignedUp> ACCOUNT_SIGNED_UP = type("account.signed_up", AccountSignedUp.class);
    public static final EventType<SignupDuplicate> ACCOUNT_SIGNUP_DUPLICATE =
            type("account.signup_duplicate", SignupDuplicate.class);
    public static final EventType<VerificationRequested> ACCOUNT_VERIFICATION_REQUESTED =
            type("account.verification_requested", VerificationRequested.class);
    public static final EventType<EmailVerified> ACCOUNT_EMAIL_VERIFIED = type("account.email_verified", EmailVerified.class);
    public static final EventType<AccountLocked> ACCOUNT_LOCKED = type("account.locked", AccountLocked.class);
    public static final EventType<NewDeviceLogin> ACCOUNT_NEW_DEVICE_LOGIN =
            type("account.new_device_login", NewDeviceLogin.class);
    public static final EventType<PasswordResetRequested> ACCOUNT_PASSWORD_RESET_REQUESTED =
            type("account.password_reset_requested", PasswordResetRequested.class);
    public static final EventType<PasswordChanged> ACCOUNT_PASSWORD_CHANGED =
            type("account.password_changed", PasswordChanged.class);
    public static final EventType<EmailChangeRequested> ACCOUNT_EMAIL_CHANGE_REQUESTED =
            type("account.email_change_requested", EmailChangeRequested.class);
    public static final EventType<EmailChanged> ACCOUNT_EMAIL_CHANGED = type("account.email_changed", EmailChanged.class);

    /** The envelope's workspaceId names the workspace in every {@code workspace.*} event. */
    public static final EventType<WorkspaceCreated> WORKSPACE_CREATED = type("workspace.created", WorkspaceCreated.class);
    public static final EventType<WorkspaceRenamed> WORKSPACE_RENAMED = type("workspace.renamed", WorkspaceRenamed.class);
    public static final EventType<WorkspaceDeleted> WORKSPACE_DELETED = type("workspace.deleted", WorkspaceDeleted.class);
    public static final EventType<WorkspaceRestored> WORKSPACE_RESTORED = type("workspace.restored", WorkspaceRestored.class);
    public static final EventType<WorkspacePurged> WORKSPACE_PURGED = type("workspace.purged", WorkspacePurged.class);
    public static final EventType<OwnershipTransferred> WORKSPACE_OWNERSHIP_TRANSFERRED =
            type("workspace.ownership_transferred", OwnershipTransferred.class);

    public static final EventType<MemberRoleChanged> MEMBER_ROLE_CHANGED = type("member.role_changed", MemberRoleChanged.class);
    public static final EventType<MemberRemoved> MEMBER_REMOVED = type("member.removed", MemberRemoved.class);
    public static final EventType<MemberLeft> MEMBER_LEFT = type("member.left", MemberLeft.class);

    public static final EventType<InvitationSent> INVITATION_SENT = type("invitation.sent", InvitationSent.class);
    public static final EventType<InvitationRevoked> INVITATION_REVOKED = type("invitation.revoked", InvitationRevoked.class);
    public static final EventType<InvitationAccepted> INVITATION_ACCEPTED = type("invitation.accepted", InvitationAccepted.class);

    public static final EventType<ApiKeyCreated> API_KEY_CREATED = type("api_key.created", ApiKeyCreated.class);
    public static final EventType<ApiKeyRevoked> API_KEY_REVOKED = type("api_key.revoked", ApiKeyRevoked.class);

    /** Every identity type, in the order above. */
    public static final List<EventType<?>> ALL = List.of(
            ACCOUNT_SIGNED_UP, ACCOUNT_SIGNUP_DUPLICATE, ACCOUNT_VERIFICATION_REQUESTED, ACCOUNT_EMAIL_VERIFIED,
            ACCOUNT_LOCKED, ACCOUNT_NEW_DEVICE_LOGIN, ACCOUNT_PASSWORD_RESET_REQUESTED, ACCOUNT_PASSWORD_CHANGED,
            ACCOUNT_EMAIL_CHANGE_REQUESTED, ACCOUNT_EMAIL_CHANGED,
            WORKSPACE_CREATED, WORKSPACE_RENAMED, WORKSPACE_DELETED, WORKSPACE_RESTORED, WORKSPACE_PURGED,
            WORKSPACE_OWNERSHIP_TRANSFERRED,
            MEMBER_ROLE_CHANGED, MEMBER_REMOVED, MEMBER_LEFT,
            INVITATION_SENT, INVITATION_REVOKED, INVITATION_ACCEPTED,
            API_KEY_CREATED, API_KEY_REVOKED);

    private IdentityEvents() { }

    private static <P extends Record> EventType<P> type(String detailType, Class<P> payload) {
        return new EventType<>(detailType, SOURCE, 1, payload);
    }
}
