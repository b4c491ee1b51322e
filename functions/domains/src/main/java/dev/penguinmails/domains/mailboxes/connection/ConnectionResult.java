package dev.penguinmails.domains.mailboxes.connection;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * How one protocol's connection test went: the outcome, what happened in the server's or the network's words,
 * and what to do about it.
 */
public record ConnectionResult(MailProtocol protocol, Outcome outcome, @Nullable String detail, @Nullable String hint,
                               long millis) {

    public boolean passed() {
        return outcome == Outcome.OK;
    }

    /** One line for the mailbox's last test: {@code smtp auth-failed: ...}. */
    public String summary() {
        return protocol.wire() + " " + outcome.wire() + (detail == null ? "" : ": " + detail);
    }

    public enum Outcome {
        OK,
        /** Nothing answered: the name does not resolve, the port is closed or no route leads there. */
        UNREACHABLE,
        /** The server did not answer within the timeout. */
        TIMEOUT,
        /** TLS could not be set up: no STARTTLS, an untrusted or mismatched certificate, a protocol mismatch. */
        TLS_FAILED,
        /** The server refused the username or password. */
        AUTH_FAILED,
        /** The host or port is not one we connect to (a private address, a non-mail port, plain text on AWS). */
        NOT_ALLOWED,
        /** The server answered something we did not expect. */
        PROTOCOL_ERROR;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
