package dev.penguinmails.events.mailboxes;

import dev.penguinmails.events.EventType;
import java.util.List;

/**
 * The mailbox events the domains function publishes (source {@code penguinmails.domains}); listed in
 * {@link dev.penguinmails.events.EventTypes}. Connected and updated carry the mailbox's whole state
 * ({@link MailboxState}) with its version, so a consumer keeps its own copy and ignores an older one.
 * Billing counts the mailboxes connected now (from {@code mailbox.connected} and {@code mailbox.removed}, by version)
 * against the plan's mailboxes.
 */
public final class MailboxEvents {
    public static final String SOURCE = "penguinmails.domains";

    /** A mailbox was connected: its connection test passed. */
    public static final EventType<MailboxConnected> MAILBOX_CONNECTED = type("mailbox.connected", MailboxConnected.class);
    /** Settings, credentials or connection status changed. */
    public static final EventType<MailboxUpdated> MAILBOX_UPDATED = type("mailbox.updated", MailboxUpdated.class);
    /** The mailbox was removed: forget it and its credentials. */
    public static final EventType<MailboxRemoved> MAILBOX_REMOVED = type("mailbox.removed", MailboxRemoved.class);

    public static final List<EventType<?>> ALL = List.of(MAILBOX_CONNECTED, MAILBOX_UPDATED, MAILBOX_REMOVED);

    private MailboxEvents() { }

    private static <P extends Record> EventType<P> type(String detailType, Class<P> payload) {
        return new EventType<>(detailType, SOURCE, 1, payload);
    }
}
