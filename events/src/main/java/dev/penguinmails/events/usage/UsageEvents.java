package dev.penguinmails.events.usage;

import dev.penguinmails.events.EventType;
import java.util.List;
import java.util.Set;

/**
 * The events billing counts against a plan's quotas whose producers (sending, contacts) are not written yet;
 * the contracts are registered here so that billing consumes them and the producers publish them as agreed.
 * Billing also counts {@code mailbox.connected}, which domains publishes
 * ({@link dev.penguinmails.events.mailboxes.MailboxEvents}).
 */
public final class UsageEvents {
    /** One email left through a mailbox. */
    public static final EventType<EmailSent> EMAIL_SENT =
            new EventType<>("email.sent", "penguinmails.sending", 1, EmailSent.class);
    /** A contact was added to the workspace. */
    public static final EventType<ContactCreated> CONTACT_CREATED =
            new EventType<>("contact.created", "penguinmails.contacts", 1, ContactCreated.class);

    public static final List<EventType<?>> ALL = List.of(EMAIL_SENT, CONTACT_CREATED);

    /** The families that will publish these events but are not in the topology yet. */
    public static final Set<String> PRODUCERS_TO_COME = Set.of("sending", "contacts");

    private UsageEvents() { }
}
