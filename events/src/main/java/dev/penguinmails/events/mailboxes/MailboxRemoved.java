package dev.penguinmails.events.mailboxes;

import io.micronaut.serde.annotation.Serdeable;

/** {@code mailbox.removed}: the mailbox left the workspace; consumers drop their copy and its credentials. */
@Serdeable
public record MailboxRemoved(String mailboxId, String address, long version) { }
