package dev.penguinmails.events.usage;

import io.micronaut.serde.annotation.Serdeable;

/** {@code mailbox.connected}: a sending mailbox was connected. */
@Serdeable
public record MailboxConnected(String mailboxId) { }
