package dev.penguinmails.identity.passwords;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.PasswordChanged;
import dev.penguinmails.events.identity.accounts.PasswordResetRequested;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.emails.EmailLinks;
import dev.penguinmails.identity.emails.TokenLinkEmail;
import dev.penguinmails.identity.emails.EmailTemplate;
import dev.penguinmails.identity.emails.IdentityEmail;
import dev.penguinmails.identity.emails.OutgoingEmail;
import dev.penguinmails.identity.tokens.OneTimeTokens;
import dev.penguinmails.identity.tokens.TokenPurpose;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** The password emails: the reset link, and the notice that the password was changed. */
public final class PasswordEmails {
    public static final String RESET_ACTION = "reset-password";
    public static final String RESET_ENDPOINT = "POST /v1/auth/password-reset/confirm (with \"newPassword\")";

    private PasswordEmails() { }

    /** After {@code account.password_reset_requested}: mints a one-hour token. */
    @Singleton
    public static class ResetLink extends TokenLinkEmail {
        public ResetLink(OneTimeTokens tokens, UserStore users, EmailLinks links) {
            super(tokens, users, links);
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_PASSWORD_RESET_REQUESTED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            PasswordResetRequested p = (PasswordResetRequested) event.payload();
            Optional<User> user = users.find(p.userId()).filter(User::isActive);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            // Bound to the address it is mailed to: after an address change the link is worthless.
            String token = tokens.issue(TokenPurpose.PASSWORD_RESET, p.userId(),
                    Map.of(PasswordResetService.EMAIL, user.get().normalizedEmail()));
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("Someone, hopefully you, asked to reset the password of your PenguinMails account.")
                    .action("Choose a new password", links.tokenLink(RESET_ACTION, token), RESET_ENDPOINT, token)
                    .paragraph("The link works once and expires in one hour. Setting a new password signs out every session.")
                    .closing("If you did not ask for this, ignore this email: your password stays as it is.")
                    .build(user.get().email(), "Reset your PenguinMails password"));
        }
    }

    /** After {@code account.password_changed}. */
    @Singleton
    public static class Changed implements IdentityEmail {
        private final EmailLinks links;

        public Changed(EmailLinks links) {
            this.links = links;
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_PASSWORD_CHANGED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            PasswordChanged p = (PasswordChanged) event.payload();
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("The password of your PenguinMails account was just changed with a reset link, "
                            + "and every session was signed out.")
                    .paragraph("If you did not do this, reset your password again at " + links.baseUrl()
                            + "/reset-password right away and check your sign-in history.")
                    .closing("If it was you, there is nothing to do.")
                    .build(p.email(), "Your PenguinMails password was changed"));
        }
    }
}
