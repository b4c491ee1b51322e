package dev.penguinmails.events.mailboxes;

import io.micronaut.serde.annotation.Serdeable;

/** {@code mailbox.updated}: its settings, credentials or connection status changed; replace the copy. */
@Serdeable
public record MailboxUpdated(MailboxState state) { }
