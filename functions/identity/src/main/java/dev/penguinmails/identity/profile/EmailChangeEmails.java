package dev.penguinmails.identity.profile;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.EmailChangeRequested;
import dev.penguinmails.events.identity.accounts.EmailChanged;
import dev.penguinmails.identity.accounts.EmailAddress;
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

/** The address-change emails: confirmation to the new address, notices to the old one. */
public final class EmailChangeEmails {
    public static final String ACTION = "confirm-email-change";
    public static final String ENDPOINT = "POST /v1/me/email-change/confirm";

    private EmailChangeEmails() { }

    /** To the new address: a 24-hour confirmation token. */
    @Singleton
    public static class Confirm extends TokenLinkEmail {
        public Confirm(OneTimeTokens tokens, UserStore users, EmailLinks links) {
            super(tokens, users, links);
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_EMAIL_CHANGE_REQUESTED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            EmailChangeRequested p = (EmailChangeRequested) event.payload();
            String oldNormalized = new EmailAddress(p.oldEmail()).normalized();
            Optional<User> user = users.find(p.userId()).filter(User::isActive)
                    .filter(u -> u.normalizedEmail().equals(oldNormalized));
            if (user.isEmpty()) {
                return Optional.empty();
            }
            String token = tokens.issue(TokenPurpose.EMAIL_CHANGE, p.userId(),
                    Map.of(EmailChangeService.OLD_EMAIL, oldNormalized, EmailChangeService.NEW_EMAIL, p.newEmail()));
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("You asked to use this address for your PenguinMails account instead of " + p.oldEmail() + ".")
                    .action("Confirm my new address", links.tokenLink(ACTION, token), ENDPOINT, token)
                    .paragraph("The link works once and expires in 24 hours. Until you confirm, nothing changes.")
                    .closing("If you did not ask for this, ignore this email; the account keeps its address.")
                    .build(p.newEmail(), "Confirm your new PenguinMails email address"));
        }
    }

    /** To the old address, when the change is asked for. */
    @Singleton
    public static class RequestedNotice implements IdentityEmail {
        private final EmailLinks links;

        public RequestedNotice(EmailLinks links) {
            this.links = links;
        }

        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_EMAIL_CHANGE_REQUESTED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            EmailChangeRequested p = (EmailChangeRequested) event.payload();
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("Someone signed in to your PenguinMails account asked to change its address to "
                            + p.newEmail() + ". We sent a confirmation link there; the change happens only if it is used.")
                    .paragraph("If this was not you, reset your password now at " + links.baseUrl()
                            + "/reset-password: that signs out every session, and the pending change cannot be confirmed "
                            + "without access to that mailbox anyway.")
                    .closing("If it was you, there is nothing to do here.")
                    .build(p.oldEmail(), "Your PenguinMails address change was requested"));
        }
    }

    /** To the old address, once the change is confirmed. */
    @Singleton
    public static class ChangedNotice implements IdentityEmail {
        @Override
        public String detailType() {
            return IdentityEvents.ACCOUNT_EMAIL_CHANGED.detailType();
        }

        @Override
        public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
            EmailChanged p = (EmailChanged) event.payload();
            return Optional.of(EmailTemplate.to(p.name())
                    .paragraph("Your PenguinMails account now uses " + p.newEmail() + " instead of this address.")
                    .closing("If you did not make this change, contact support right away.")
                    .build(p.oldEmail(), "Your PenguinMails email address was changed"));
        }
    }
}
