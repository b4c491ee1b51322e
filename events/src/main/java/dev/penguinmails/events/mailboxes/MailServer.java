package dev.penguinmails.events.mailboxes;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An SMTP or IMAP server of a mailbox: where to connect, how ({@code security}: {@code tls}, {@code starttls} or,
 * locally only, {@code none}) and as whom. The password is sealed under the customer-secrets key (context: the
 * workspace, purpose {@code mailbox-password}, owner {@code <mailboxId>/smtp} or {@code <mailboxId>/imap}).
 */
@Serdeable
public record MailServer(String host, int port, String security, String username, String passwordSealed) { }
