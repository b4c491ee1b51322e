package dev.penguinmails.events.usage;

import io.micronaut.serde.annotation.Serdeable;

/** {@code email.sent}: one email left through a mailbox. */
@Serdeable
public record EmailSent(String messageId, String mailboxId) { }
