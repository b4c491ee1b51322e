package dev.penguinmails.events.sending;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code mailbox.sending_held}: the mailbox's server refused the mailbox itself (SMTP authentication or TLS, SES
 * account or identity), so sending stopped using it. Nothing was sent and no contact is blamed: its sends wait for
 * another mailbox of the pool, or for this one to be connected again, which a newer {@code mailbox.updated} or
 * {@code mailbox.connected} (version above {@code mailboxVersion}) does.
 */
@Serdeable
public record MailboxSendingHeld(String mailboxId, long mailboxVersion, int code, String reason) { }
