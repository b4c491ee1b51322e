package dev.penguinmails.domains.mailboxes.connection;

import dev.penguinmails.domains.mailboxes.MailboxSettings;
import dev.penguinmails.domains.mailboxes.ServerLogin.Security;
import dev.penguinmails.shared.outbound.OutboundTargets;
import jakarta.inject.Singleton;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;

/**
 * Logs in to a mailbox's SMTP and IMAP servers, at once and with short timeouts, and says how each went. Nothing
 * is sent and nothing is read but the IMAP inbox's existence. The host is resolved and checked first
 * ({@link OutboundTargets}), so no test reaches our own network.
 */
@Singleton
public class ConnectionTester {
    private final MailboxSettings settings;
    private final OutboundTargets targets;

    public ConnectionTester(MailboxSettings settings, OutboundTargets targets) {
        this.settings = settings;
        this.targets = targets;
    }

    /** Tests every attempt at once; the results in the same order. */
    public List<ConnectionResult> test(List<LoginAttempt> attempts) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, attempts.size()), r -> {
            Thread t = new Thread(r, "mailbox-connection-test");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<ConnectionResult>> running = attempts.stream()
                    .map(a -> CompletableFuture.supplyAsync(() -> test(a), pool)).toList();
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tests one login. */
    public ConnectionResult test(LoginAttempt attempt) {
        long started = System.nanoTime();
        ConnectionResult.Outcome refusal = refusal(attempt);
        if (refusal != null) {
            return result(attempt, refusal, refusalDetail(attempt), started);
        }
        try {
            targets.resolve(attempt.host());
        } catch (OutboundTargets.RefusedTarget refused) {
            ConnectionResult.Outcome outcome = refused.reason() == OutboundTargets.RefusedTarget.Reason.UNKNOWN_HOST
                    ? ConnectionResult.Outcome.UNREACHABLE : ConnectionResult.Outcome.NOT_ALLOWED;
            return result(attempt, outcome, refused.getMessage(), started);
        }
        try {
            login(attempt);
            return result(attempt, ConnectionResult.Outcome.OK, null, started);
        } catch (AuthenticationFailedException e) {
            return result(attempt, ConnectionResult.Outcome.AUTH_FAILED, serverWords(e), started);
        } catch (MessagingException e) {
            return result(attempt, classify(e), serverWords(e), started);
        }
    }

    private void login(LoginAttempt attempt) throws MessagingException {
        String protocol = attempt.protocol().jakartaName(attempt.security());
        Session session = Session.getInstance(properties(protocol, attempt.security()));
        if (attempt.protocol() == MailProtocol.SMTP) {
            try (Service transport = session.getTransport(protocol)) {
                transport.connect(attempt.host(), attempt.port(), attempt.username(), attempt.password());
                if (!((org.eclipse.angus.mail.smtp.SMTPTransport) transport).supportsExtension("AUTH")) {
                    // Without AUTH, Jakarta Mail connects without logging in: the password was never checked.
                    throw new MessagingException("the server offers no login (no AUTH after EHLO), so it would relay "
                            + "for anyone or refuse every message");
                }
            }
        } else {
            try (Store store = session.getStore(protocol)) {
                store.connect(attempt.host(), attempt.port(), attempt.username(), attempt.password());
                Folder inbox = store.getFolder("INBOX");
                if (!inbox.exists()) {
                    throw new MessagingException("the account has no INBOX, so replies could not be read");
                }
            }
        }
    }

    private Properties properties(String protocol, Security security) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.put(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        p.put(prefix + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
        p.put(prefix + "ssl.checkserveridentity", "true");
        if (security == Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (protocol.startsWith("smtp")) {
            p.put(prefix + "auth", "true");
        }
        return p;
    }

    private ConnectionResult.Outcome refusal(LoginAttempt attempt) {
        if (targets.localTargetsAllowed()) {
            return null;
        }
        List<Integer> ports = attempt.protocol() == MailProtocol.SMTP ? settings.smtpPorts() : settings.imapPorts();
        if (!ports.contains(attempt.port()) || attempt.security() == Security.NONE) {
            return ConnectionResult.Outcome.NOT_ALLOWED;
        }
        return null;
    }

    private String refusalDetail(LoginAttempt attempt) {
        if (attempt.security() == Security.NONE) {
            return "a login without TLS would send the password in plain text; choose tls or starttls";
        }
        List<Integer> ports = attempt.protocol() == MailProtocol.SMTP ? settings.smtpPorts() : settings.imapPorts();
        return "port " + attempt.port() + " is not a " + attempt.protocol().wire() + " port we connect to; use one of " + ports;
    }

    private static ConnectionResult.Outcome classify(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return ConnectionResult.Outcome.TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return ConnectionResult.Outcome.UNREACHABLE;
            }
            if (t instanceof SSLException) {
                return ConnectionResult.Outcome.TLS_FAILED;
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("starttls")) {
            return ConnectionResult.Outcome.TLS_FAILED;
        }
        if (message.contains("authentication") || message.contains("login failed")) {
            return ConnectionResult.Outcome.AUTH_FAILED;
        }
        return ConnectionResult.Outcome.PROTOCOL_ERROR;
    }

    /** The innermost message, which names the server's reply or the network error, without our stack. */
    private static String serverWords(Throwable e) {
        String words = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                words = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return words == null ? e.getClass().getSimpleName() : words.strip();
    }

    private static ConnectionResult result(LoginAttempt attempt, ConnectionResult.Outcome outcome, String detail,
                                           long started) {
        return new ConnectionResult(attempt.protocol(), outcome, detail, Hints.of(attempt, outcome),
                (System.nanoTime() - started) / 1_000_000);
    }
}
