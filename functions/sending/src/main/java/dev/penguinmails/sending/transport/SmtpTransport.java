package dev.penguinmails.sending.transport;

import dev.penguinmails.sending.transport.SendResult.Sent;
import dev.penguinmails.sending.transport.SendResult.TemporaryFailure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sends through mailboxes' own SMTP servers with angus-mail, keeping connections open between sends: per mailbox
 * at most {@link SmtpSettings#connectionsPerMailbox()} at once (providers cap concurrent sessions), the most
 * recently used first, and closing those unused for {@link SmtpSettings#idleClose()}. A connection whose send failed
 * is closed, as its state is unknown. A failure without a reply after the whole message was handed over is marked
 * {@link TemporaryFailure#afterData()}; every earlier one (connecting, the greeting, login, the envelope) is a plain
 * temporary failure, safe to retry. Thread-safe; one instance per worker.
 */
public final class SmtpTransport implements AutoCloseable {
    // Checking a connection costs a NOOP round trip: only worth it once the server may have dropped it.
    private static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final SmtpSettings settings;
    private final LongSupplier nanoTime;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();

    public SmtpTransport(SmtpSettings settings) {
        this(settings, System::nanoTime);
    }

    SmtpTransport(SmtpSettings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** The transport of one mailbox's server. */
    public MailTransport forMailbox(SmtpAccount account) {
        return (from, to, raw) -> send(account, from, to, raw);
    }

    /** Sends {@code raw} as it is, with {@code from} as the envelope sender, to {@code recipient}. */
    public SendResult send(SmtpAccount account, String from, String recipient, byte[] raw) {
        Address[] to;
        try {
            to = new Address[] {new InternetAddress(recipient, true)};
        } catch (AddressException e) {
            return new SendResult.PermanentFailure(SendResult.PermanentFailure.Scope.RECIPIENT, 0,
                    "not an address: " + e.getMessage());
        }
        Mailbox mailbox = mailboxes.compute(account.mailboxId(), (id, existing) -> {
            if (existing != null && existing.account.equals(account)) {
                return existing;
            }
            if (existing != null) {
                existing.retire(); // the settings or password changed: never reuse the old connections
            }
            return new Mailbox(account, session(account, settings));
        });
        mailbox.closeIdle();
        Connection connection;
        try {
            connection = mailbox.borrow();
        } catch (MessagingException e) {
            return SmtpFailures.classify(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TemporaryFailure(0, "interrupted while waiting for a connection", null);
        }
        if (connection == null) {
            return new TemporaryFailure(0, "all " + settings.connectionsPerMailbox() + " connections of mailbox "
                    + account.mailboxId() + " stayed busy for " + settings.poolWait(), null);
        }
        boolean healthy = false;
        try {
            connection.transport.sendMessage(new RawMessage(mailbox.session, from, raw), to);
            healthy = true;
            String reply = connection.transport.getLastServerResponse();
            return new Sent(reply == null ? "" : reply.strip());
        } catch (MessagingException e) {
            SendResult failure = SmtpFailures.classify(e);
            // No reply after the whole message went over: the server may have taken it (decision 0057).
            if (failure instanceof TemporaryFailure t && t.code() == 0 && connection.transport.dataHandedOver()) {
                return new TemporaryFailure(0, t.reason(), t.notBefore(), true);
            }
            return failure;
        } finally {
            mailbox.release(connection, healthy);
        }
    }

    /** How many SMTP connections this transport has opened so far (reuse shows as fewer than sends). */
    public long connectionsOpened() {
        return opened.get();
    }

    /** Closes every connection unused for longer than the idle limit; the worker may call it between batches. */
    public void closeIdle() {
        mailboxes.values().forEach(Mailbox::closeIdle);
    }

    @Override
    public void close() {
        mailboxes.values().forEach(Mailbox::retire);
        mailboxes.clear();
    }

    static Session session(SmtpAccount account, SmtpSettings settings) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", account.host());
        props.setProperty("mail.smtp.port", String.valueOf(account.port()));
        props.setProperty("mail.smtp.auth", String.valueOf(account.username() != null));
        props.setProperty("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        props.setProperty("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
        props.setProperty("mail.smtp.quitwait", "false");
        // EHLO with the mailbox's own domain rather than the Lambda's host name, which receivers score as suspicious.
        String username = account.username();
        if (username != null && username.indexOf('@') > 0) {
            props.setProperty("mail.smtp.localhost", username.substring(username.lastIndexOf('@') + 1));
        }
        switch (account.security()) {
            case "tls" -> {
                props.setProperty("mail.smtp.ssl.enable", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "starttls" -> {
                props.setProperty("mail.smtp.starttls.enable", "true");
                props.setProperty("mail.smtp.starttls.required", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            default -> { } // "none": the local stack's GreenMail only
        }
        return Session.getInstance(props);
    }

    private static final class Connection {
        final PhasedSmtpTransport transport;
        long lastUsed;

        Connection(PhasedSmtpTransport transport, long lastUsed) {
            this.transport = transport;
            this.lastUsed = lastUsed;
        }

        void closeQuietly() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // closing a dead connection: nothing to do
            }
        }
    }

    private final class Mailbox {
        final SmtpAccount account;
        final Session session;
        final Semaphore permits = new Semaphore(settings.connectionsPerMailbox());
        final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
        volatile boolean retired;

        Mailbox(SmtpAccount account, Session session) {
            this.account = account;
            this.session = session;
        }

        /** An open connection, reused if one is idle; null when none frees up within the pool wait. */
        Connection borrow() throws MessagingException, InterruptedException {
            if (!permits.tryAcquire(settings.poolWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
            try {
                Connection connection;
                while ((connection = idle.pollFirst()) != null) {
                    long now = nanoTime.getAsLong();
                    if (expired(connection, now)
                            || (now - connection.lastUsed > CHECK_AFTER_NANOS && !connection.transport.isConnected())) {
                        connection.closeQuietly();
                        continue;
                    }
                    return connection;
                }
                return open();
            } catch (MessagingException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }

        private Connection open() throws MessagingException {
            PhasedSmtpTransport transport = new PhasedSmtpTransport(session);
            transport.connect(account.host(), account.port(), account.username(), account.password());
            opened.incrementAndGet();
            return new Connection(transport, nanoTime.getAsLong());
        }

        void release(Connection connection, boolean healthy) {
            try {
                if (healthy && !retired) {
                    connection.lastUsed = nanoTime.getAsLong();
                    idle.offerFirst(connection);
                } else {
                    connection.closeQuietly();
                }
            } finally {
                permits.release();
            }
        }

        void closeIdle() {
            long now = nanoTime.getAsLong();
            // Oldest at the tail: stop at the first one still fresh.
            Connection oldest;
            while ((oldest = idle.peekLast()) != null && expired(oldest, now)) {
                if (idle.removeLastOccurrence(oldest)) {
                    oldest.closeQuietly();
                }
            }
        }

        void retire() {
            retired = true;
            Connection connection;
            while ((connection = idle.pollFirst()) != null) {
                connection.closeQuietly();
            }
        }

        private boolean expired(Connection connection, long now) {
            return now - connection.lastUsed >= settings.idleClose().toNanos();
        }
    }
}
