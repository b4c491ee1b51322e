package dev.penguinmails.identity.billingnotices;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.DunningStep;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.emails.EmailTemplate;
import dev.penguinmails.identity.emails.IdentityEmail;
import dev.penguinmails.identity.emails.OutgoingEmail;
import dev.penguinmails.identity.workspaces.Workspace;
import dev.penguinmails.identity.workspaces.WorkspaceStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a workspace's primary owner about each step of a failed payment or an ending trial, from billing's
 * {@code billing.dunning.step} events. Billing knows the money, identity knows who to write to, so the mail goes
 * out through the same path (and the same once-per-event record) as every account email.
 */
@Singleton
public class BillingNoticeEmail implements IdentityEmail {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WorkspaceStore workspaces;
    private final UserStore users;

    public BillingNoticeEmail(WorkspaceStore workspaces, UserStore users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    @Override
    public String detailType() {
        return BillingEvents.DUNNING_STEP.detailType();
    }

    @Override
    public Optional<OutgoingEmail> compose(DomainEvent<?> event) {
        if (!(event.payload() instanceof DunningStep step) || event.workspaceId() == null) {
            return Optional.empty();
        }
        // A deleted workspace, or an owner gone meanwhile, gets no mail.
        Optional<Workspace> workspace = Optional.ofNullable(workspaces.getAll(List.of(event.workspaceId())).get(event.workspaceId()));
        return workspace.flatMap(w -> users.find(w.ownerId()).flatMap(owner -> notice(step, w, owner)));
    }

    private static Optional<OutgoingEmail> notice(DunningStep step, Workspace workspace, User owner) {
        String name = "\"" + workspace.name() + "\"";
        EmailTemplate mail = EmailTemplate.to(owner.name())
                .closing("You receive this because you own the workspace " + name + " on PenguinMails.");
        String subject;
        switch (step.step()) {
            // payment_failed comes with the reminder of the same failed invoice, which carries the link: one mail.
            case "reminder" -> {
                subject = "Payment failed for " + workspace.name() + " on PenguinMails";
                mail.paragraph("We could not collect the payment for the workspace " + name + ". Your card may have"
                        + " expired or been declined; we will try again over the next days.");
                mail.paragraph(step.graceEndsAt() == null
                        ? "Please pay the open invoice or update your payment method to keep sending."
                        : "Please pay the open invoice or update your payment method before " + day(step.graceEndsAt())
                                + "; after that, campaigns in this workspace stop sending until it is paid.");
                if (step.hostedInvoiceUrl() != null) {
                    mail.link("Pay the invoice", step.hostedInvoiceUrl());
                }
            }
            case "sending_paused", "unpaid" -> {
                subject = "Sending is paused for " + workspace.name() + " on PenguinMails";
                mail.paragraph("The invoice for the workspace " + name + " is still unpaid, so its campaigns have"
                        + " stopped sending. Nothing is deleted: everything resumes as soon as the invoice is paid.");
                if (step.hostedInvoiceUrl() != null) {
                    mail.link("Pay the invoice", step.hostedInvoiceUrl());
                }
            }
            case "canceled" -> {
                subject = "Your PenguinMails subscription for " + workspace.name() + " has ended";
                mail.paragraph("The subscription of the workspace " + name + " ended because its invoice was not"
                        + " paid. The workspace is now on the free plan: your data is kept, and you can subscribe"
                        + " again at any time.");
            }
            case "recovered" -> {
                subject = "Payment received for " + workspace.name() + " on PenguinMails";
                mail.paragraph("Thank you: the payment for the workspace " + name + " went through, and everything"
                        + " is back on, sending included.");
            }
            case "trial_will_end" -> {
                subject = "Your PenguinMails trial for " + workspace.name() + " ends soon";
                mail.paragraph("The trial of the workspace " + name + " ends"
                        + (step.graceEndsAt() == null ? " in three days" : " on " + day(step.graceEndsAt()))
                        + ". Add a payment method to keep your plan; without one, the workspace returns to the free plan.");
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(mail.build(owner.email(), subject));
    }

    private static String day(String isoInstant) {
        return DAY.format(Instant.parse(isoInstant));
    }
}
