package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.domains.mailboxes.connection.LoginAttempt;
import dev.penguinmails.domains.mailboxes.connection.MailProtocol;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Seals mailbox passwords under the customer-secrets key, each bound to its workspace, mailbox and protocol
 * (purpose {@value #PURPOSE}, owner {@code <mailbox id>/smtp}), and opens them for a connection test. Sending
 * opens them with the same context.
 */
@Singleton
public class MailboxCredentials {
    public static final String PURPOSE = "mailbox-password";

    private final SecretBox secrets;

    public MailboxCredentials(SecretBox secrets) {
        this.secrets = secrets;
    }

    ServerLogin seal(String workspaceId, String mailboxId, MailProtocol protocol, MailboxRequests.Server server,
                     String address) {
        String sealed = secrets.seal(server.password().getBytes(StandardCharsets.UTF_8),
                context(workspaceId, mailboxId, protocol));
        String username = server.username() == null || server.username().isBlank() ? address : server.username().strip();
        return new ServerLogin(server.host().strip().toLowerCase(Locale.ROOT), server.port(), security(server.security()),
                username, sealed);
    }

    LoginAttempt open(String workspaceId, String mailboxId, MailProtocol protocol, ServerLogin login) {
        String password = new String(secrets.open(login.passwordSealed(), context(workspaceId, mailboxId, protocol)),
                StandardCharsets.UTF_8);
        return new LoginAttempt(protocol, login.host(), login.port(), login.security(), login.username(), password);
    }

    /** The context a mailbox password is sealed in. */
    public static SecretContext context(String workspaceId, String mailboxId, MailProtocol protocol) {
        return new SecretContext(workspaceId, PURPOSE, mailboxId + "/" + protocol.wire());
    }

    static ServerLogin.Security security(String wire) {
        return ServerLogin.Security.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
