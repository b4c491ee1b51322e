package dev.penguinmails.events.mailboxes;

import io.micronaut.serde.annotation.Serdeable;

/** {@code mailbox.connected}: a mailbox joined the workspace after its connection test passed. */
@Serdeable
public record MailboxConnected(MailboxState state) { }
