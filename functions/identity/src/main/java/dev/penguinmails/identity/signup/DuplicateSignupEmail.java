package dev.penguinmails.identity.signup;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.SignupDuplicate;
import dev.penguinmails.identity.emails.EmailLinks;
import dev.penguinmails.identity.emails.EmailTemplate;
import dev.penguinmails.identity.emails.IdentityEmail;
import dev.penguinmails.identity.emails.OutgoingEmail;
import jakarta.inject.Singleton;
import java.util.Optional;

/** After {@code account.signup_duplicate}: tells the owner of an address that someone tried to sign up with it. */
@Singleton
public class DuplicateSignupEmail implements IdentityEmail {
    private final EmailLinks links;

    public DuplicateSignupEmail(EmailLinks links) {
        this.links = links;
    }

    @Override
    public String detailType() {
        return IdentityEvents.ACCOUNT_SIGNUP_DUPLICATE.detailType();
    }

    @Override
    public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
        SignupDuplicate p = (SignupDuplicate) event.payload();
        return Optional.of(EmailTemplate.to(p.name())
                .paragraph("Someone just tried to create a new PenguinMails account with this address. It already has "
                        + "an account (yours), so no second one was created.")
                .paragraph("If it was you: sign in at " + links.baseUrl() + "/login instead. Forgot your password? "
                        + "Reset it at " + links.baseUrl() + "/reset-password.")
                .closing("If it was not you, nothing happened to your account and you can ignore this email.")
                .build(p.email(), "Someone tried to sign up with your email address"));
    }
}
