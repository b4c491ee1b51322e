package dev.penguinmails.events.usage;

import dev.penguinmails.events.EventType;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactEvents;
import java.util.List;
import java.util.Set;

/**
 * The events billing counts against a plan's quotas whose producer (sending) is not written yet: the contracts
 * are registered here so that billing consumes them and the producers publish them as agreed. Billing counts
 * {@code contact.created} too, registered with the contacts events ({@link ContactEvents}) and named here as well.
 * Billing also counts {@code mailbox.connected}, which domains publishes
 * ({@link dev.penguinmails.events.mailboxes.MailboxEvents}).
 */
public final class UsageEvents {
    /** One email left through a mailbox. */
    public static final EventType<EmailSent> EMAIL_SENT =
            new EventType<>("email.sent", "penguinmails.sending", 1, EmailSent.class);
    /** A contact was added to the workspace; registered with the contacts events, which publish it. */
    public static final EventType<ContactCreated> CONTACT_CREATED = ContactEvents.CONTACT_CREATED;

    public static final List<EventType<?>> ALL = List.of(EMAIL_SENT);

    /** The families that will publish these events but are not in the topology yet. */
    public static final Set<String> PRODUCERS_TO_COME = Set.of("sending");

    private UsageEvents() { }
}
