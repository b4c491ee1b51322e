package dev.penguinmails.identity.invitations;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.invitations.InvitationSent;
import dev.penguinmails.identity.emails.EmailLinks;
import dev.penguinmails.identity.emails.EmailTemplate;
import dev.penguinmails.identity.emails.IdentityEmail;
import dev.penguinmails.identity.emails.OutgoingEmail;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The invitation email, sent for {@code invitation.sent}. It mints the link here, when the mail goes
 * out, so the token never travels in an event; an invitation revoked or accepted meanwhile gets no mail.
 */
@Singleton
public class InvitationEmail implements IdentityEmail {
    /** Where the link points in the web app; the app posts the token to {@link #ENDPOINT}. */
    public static final String ACTION = "accept-invitation";
    public static final String ENDPOINT = "POST /v1/invitations/accept";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final InvitationService invitations;
    private final EmailLinks links;

    public InvitationEmail(InvitationService invitations, EmailLinks links) {
        this.invitations = invitations;
        this.links = links;
    }

    @Override
    public String detailType() {
        return IdentityEvents.INVITATION_SENT.detailType();
    }

    @Override
    public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
        if (!(event.payload() instanceof InvitationSent sent)) {
            return Optional.empty();
        }
        return invitations.mintLink(event.workspaceId(), sent.invitationId()).map(minted -> {
            String token = minted.token().value();
            String workspace = minted.workspace().name();
            return EmailTemplate.to("there")
                    .paragraph(sent.inviterName() + " invited you to join the workspace \"" + workspace
                            + "\" on PenguinMails as " + article(sent.role()) + " " + sent.role() + ".")
                    .paragraph("If you are new to PenguinMails, accepting creates your account for "
                            + minted.invitation().email() + "; if you have one, sign in with that address first.")
                    .action("Accept the invitation", links.tokenLink(ACTION, token), ENDPOINT, token)
                    .closing("The link works once and expires on " + WHEN.format(minted.expiresAt())
                            + ". If you do not know " + sent.inviterName() + ", you can ignore this email.")
                    .build(minted.invitation().email(), sent.inviterName() + " invited you to " + workspace + " on PenguinMails");
        });
    }

    private static String article(String role) {
        return role.startsWith("a") ? "an" : "a";
    }
}
