package dev.penguinmails.sending.transport;

import dev.penguinmails.events.mailboxes.MailServer;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A mailbox's SMTP server with its password opened, as the transport connects to it. Lives in memory for the
 * pool's sake only; {@link #toString()} never shows the password.
 *
 * @param security {@code tls} (implicit TLS, e.g. 465), {@code starttls} (required, e.g. 587) or {@code none}
 *                 (local only), as {@link MailServer} declares it
 */
public record SmtpAccount(String mailboxId, String host, int port, String security, @Nullable String username,
                          @Nullable String password) {
    /** The purpose the domains family seals mailbox passwords under. */
    public static final String PASSWORD_PURPOSE = "mailbox-password";

    public SmtpAccount {
        if (mailboxId == null || mailboxId.isBlank() || host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("an SMTP account needs a mailbox id, a host and a port");
        }
        security = security == null ? "starttls" : security.toLowerCase(Locale.ROOT);
        if (!security.equals("tls") && !security.equals("starttls") && !security.equals("none")) {
            throw new IllegalArgumentException("SMTP security is tls, starttls or none, not " + security);
        }
    }

    /** The account of a mailbox's SMTP server, its password opened in the context the domains family sealed it in. */
    public static SmtpAccount open(SecretBox secrets, String workspaceId, String mailboxId, MailServer smtp) {
        String password = null;
        if (smtp.passwordSealed() != null && !smtp.passwordSealed().isBlank()) {
            byte[] plain = secrets.open(smtp.passwordSealed(),
                    new SecretContext(workspaceId, PASSWORD_PURPOSE, mailboxId + "/smtp"));
            password = new String(plain, StandardCharsets.UTF_8);
            Arrays.fill(plain, (byte) 0);
        }
        return new SmtpAccount(mailboxId, smtp.host(), smtp.port(), smtp.security(), smtp.username(), password);
    }

    @Override
    public String toString() {
        return "SmtpAccount[" + mailboxId + " " + username + "@" + host + ":" + port + " " + security + "]";
    }
}
