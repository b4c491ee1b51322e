package dev.penguinmails.events.sending;

import dev.penguinmails.events.EventType;
import java.util.List;

/**
 * The events the sending function publishes (source {@code penguinmails.sending}) about campaigns; listed in
 * {@link dev.penguinmails.events.EventTypes}. {@code email.sent} is registered with the usage events, which
 * billing counts.
 */
public final class SendingEvents {
    public static final String SOURCE = "penguinmails.sending";

    /** A campaign was launched: contacts resolves its audience. */
    public static final EventType<CampaignLaunched> CAMPAIGN_LAUNCHED =
            new EventType<>("campaign.launched", SOURCE, 1, CampaignLaunched.class);

    /** Every enrolment of a launched campaign ended: the campaign completed. */
    public static final EventType<CampaignCompleted> CAMPAIGN_COMPLETED =
            new EventType<>("campaign.completed", SOURCE, 1, CampaignCompleted.class);

    /** A campaign send did not leave (permanently, or after its retries). */
    public static final EventType<EmailFailed> EMAIL_FAILED =
            new EventType<>("email.failed", SOURCE, 1, EmailFailed.class);
    /** A recipient unsubscribed through a message's signed link. */
    public static final EventType<EmailUnsubscribed> EMAIL_UNSUBSCRIBED =
            new EventType<>("email.unsubscribed", SOURCE, 1, EmailUnsubscribed.class);

    /** A mailbox's server refused the mailbox itself: sending holds it until it is connected again. */
    public static final EventType<MailboxSendingHeld> MAILBOX_SENDING_HELD =
            new EventType<>("mailbox.sending_held", SOURCE, 1, MailboxSendingHeld.class);

    public static final List<EventType<?>> ALL = List.of(CAMPAIGN_LAUNCHED, CAMPAIGN_COMPLETED, EMAIL_FAILED,
            EMAIL_UNSUBSCRIBED, MAILBOX_SENDING_HELD);

    private SendingEvents() { }
}
