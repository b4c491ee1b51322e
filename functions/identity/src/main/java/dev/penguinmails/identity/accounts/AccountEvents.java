package dev.penguinmails.identity.accounts;

import dev.penguinmails.events.EventType;
import dev.penguinmails.identity.accounts.AccountEventPayloads.AccountLocked;
import dev.penguinmails.identity.accounts.AccountEventPayloads.EmailChangeRequested;
import dev.penguinmails.identity.accounts.AccountEventPayloads.EmailChanged;
import dev.penguinmails.identity.accounts.AccountEventPayloads.EmailVerified;
import dev.penguinmails.identity.accounts.AccountEventPayloads.NewDeviceLogin;
import dev.penguinmails.identity.accounts.AccountEventPayloads.PasswordChanged;
import dev.penguinmails.identity.accounts.AccountEventPayloads.PasswordResetRequested;
import dev.penguinmails.identity.accounts.AccountEventPayloads.SignupDuplicate;
import dev.penguinmails.identity.accounts.AccountEventPayloads.VerificationRequested;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The account event types (source {@code penguinmails.identity}); their JSON Schemas are
 * {@code schemas/<detail-type>.json} in this module. {@code account.signed_up} is in events' registry.
 */
@Singleton
public class AccountEvents implements EventTypeSource {
    public static final String SOURCE = "penguinmails.identity";

    public static final EventType<SignupDuplicate> SIGNUP_DUPLICATE =
            new EventType<>("account.signup_duplicate", SOURCE, 1, SignupDuplicate.class);
    public static final EventType<VerificationRequested> VERIFICATION_REQUESTED =
            new EventType<>("account.verification_requested", SOURCE, 1, VerificationRequested.class);
    public static final EventType<EmailVerified> EMAIL_VERIFIED =
            new EventType<>("account.email_verified", SOURCE, 1, EmailVerified.class);
    public static final EventType<AccountLocked> LOCKED =
            new EventType<>("account.locked", SOURCE, 1, AccountLocked.class);
    public static final EventType<NewDeviceLogin> NEW_DEVICE_LOGIN =
            new EventType<>("account.new_device_login", SOURCE, 1, NewDeviceLogin.class);
    public static final EventType<PasswordResetRequested> PASSWORD_RESET_REQUESTED =
            new EventType<>("account.password_reset_requested", SOURCE, 1, PasswordResetRequested.class);
    public static final EventType<PasswordChanged> PASSWORD_CHANGED =
            new EventType<>("account.password_changed", SOURCE, 1, PasswordChanged.class);
    public static final EventType<EmailChangeRequested> EMAIL_CHANGE_REQUESTED =
            new EventType<>("account.email_change_requested", SOURCE, 1, EmailChangeRequested.class);
    public static final EventType<EmailChanged> EMAIL_CHANGED =
            new EventType<>("account.email_changed", SOURCE, 1, EmailChanged.class);

    public static final List<EventType<?>> ALL = List.of(SIGNUP_DUPLICATE, VERIFICATION_REQUESTED, EMAIL_VERIFIED,
            LOCKED, NEW_DEVICE_LOGIN, PASSWORD_RESET_REQUESTED, PASSWORD_CHANGED, EMAIL_CHANGE_REQUESTED, EMAIL_CHANGED);

    @Override
    public Collection<EventType<?>> eventTypes() {
        return ALL;
    }
}
