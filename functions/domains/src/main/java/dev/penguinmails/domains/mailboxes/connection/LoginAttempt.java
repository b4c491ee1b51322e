package dev.penguinmails.domains.mailboxes.connection;

import dev.penguinmails.domains.mailboxes.ServerLogin.Security;

/** What a connection test logs in with: the password in clear, held only for the test. */
public record LoginAttempt(MailProtocol protocol, String host, int port, Security security, String username,
                           String password) {
    @Override
    public String toString() {
        return protocol.wire() + "://" + username + "@" + host + ":" + port + " (" + security.wire() + ")";
    }
}
