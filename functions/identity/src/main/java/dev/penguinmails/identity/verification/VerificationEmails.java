package dev.penguinmails.identity.verification;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.identity.accounts.VerificationRequested;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.emails.EmailLinks;
import dev.penguinmails.identity.emails.TokenLinkEmail;
import dev.penguinmails.identity.emails.EmailTemplate;
import dev.penguinmails.identity.emails.OutgoingEmail;
import dev.penguinmails.identity.tokens.OneTimeTokens;
import dev.penguinmails.identity.tokens.TokenPurpose;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** The verification emails: after signup, and on request. Each mints a fresh 24-hour token. */
public final class VerificationEmails {
    public static final String ACTION = "verify-email";
    public static final String ENDPOINT = "POST /v1/auth/verify-email";

    private VerificationEmails() { }

    static Optional<OutgoingEmail> compose(OneTimeTokens tokens, UserStore users, EmailLinks links, String userId,
                                           String email, String name, boolean welcome) {
        String normalized = new EmailAddress(email).normalized();
        // Nothing to verify if the address changed or was verified since the event.
        Optional<User> user = users.find(userId).filter(u -> u.normalizedEmail().equals(normalized));
        if (user.isEmpty() || user.get().emailVerified()) {
            return Optional.empty();
        }
        String token = tokens.issue(TokenPurpose.EMAIL_VERIFICATION, userId, Map.of(VerificationService.EMAIL, normalized));
        EmailTemplate template = EmailTemplate.to(name);
        if (welcome) {
            template.paragraph("Welcome to PenguinMails! Your account and your workspace \"" + user.get().workspaceName()
                    + "\" are ready. You can sign in right away; to send campaigns, first confirm that this address is yours.");
        } else {
            template.paragraph("Here is the new link you asked for to confirm that this address is yours.");
        }
        return Optional.of(template
                .action("Verify my email address", links.tokenLink(ACTION, token), ENDPOINT, token)
                .paragraph("The link works once and expires in 24 hours.")
                .closing("If you did not create a PenguinMails account, ignore this email and no account will be verified.")
                .build(email, welcome ? "Verify your email address for PenguinMails" : "Your new PenguinMails verification link"));
    }

    /** After {@code account.signed_up}. */
    @Singleton
    public static class AfterSignup extends TokenLinkEmail {
        public AfterSignup(OneTimeTokens tokens, UserStore users, EmailLinks links) {
            super(tokens, users, links);
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_SIGNED_UP.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            AccountSignedUp p = (AccountSignedUp) event.payload();
            return VerificationEmails.compose(tokens, users, links, p.userId(), p.email(), p.name(), true);
        }
    }

    /** After {@code account.verification_requested}. */
    @Singleton
    public static class OnRequest extends TokenLinkEmail {
        public OnRequest(OneTimeTokens tokens, UserStore users, EmailLinks links) {
            super(tokens, users, links);
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_VERIFICATION_REQUESTED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            VerificationRequested p = (VerificationRequested) event.payload();
            return VerificationEmails.compose(tokens, users, links, p.userId(), p.email(), p.name(), false);
        }
    }
}
