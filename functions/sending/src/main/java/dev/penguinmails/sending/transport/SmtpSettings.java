package dev.penguinmails.sending.transport;

import java.time.Duration;

/**
 * How the SMTP transport treats servers: timeouts, how many connections one mailbox may hold open at once, and
 * how long an unused one stays open (servers drop idle clients after a minute or so anyway).
 */
public record SmtpSettings(Duration connectTimeout, Duration readTimeout, int connectionsPerMailbox, Duration idleClose,
                           Duration poolWait) {
    public static final SmtpSettings DEFAULTS = new SmtpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 2,
            Duration.ofSeconds(50), Duration.ofSeconds(10));

    public SmtpSettings {
        if (connectionsPerMailbox < 1) {
            throw new IllegalArgumentException("a mailbox needs at least one connection");
        }
    }
}
