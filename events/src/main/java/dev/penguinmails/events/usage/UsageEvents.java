package dev.penguinmails.events.usage;

import dev.penguinmails.events.EventType;
import java.util.List;
import java.util.Set;

/**
 * The events billing counts against a plan's quotas. Their producers (sending, contacts, domains) are not
 * written yet; the contracts are registered here so that billing consumes them and the producers publish them
 * as agreed.
 */
public final class UsageEvents {
    /** One email left through a mailbox. */
    public static final EventType<EmailSent> EMAIL_SENT =
            new EventType<>("email.sent", "penguinmails.sending", 1, EmailSent.class);
    /** A contact was added to the workspace. */
    public static final EventType<ContactCreated> CONTACT_CREATED =
            new EventType<>("contact.created", "penguinmails.contacts", 1, ContactCreated.class);
    /** A sending mailbox was connected. */
    public static final EventType<MailboxConnected> MAILBOX_CONNECTED =
            new EventType<>("mailbox.connected", "penguinmails.domains", 1, MailboxConnected.class);

    public static final List<EventType<?>> ALL = List.of(EMAIL_SENT, CONTACT_CREATED, MAILBOX_CONNECTED);

    /** The families that will publish these events but are not in the topology yet. */
    public static final Set<String> PRODUCERS_TO_COME = Set.of("sending", "contacts", "domains");

    private UsageEvents() { }
}
