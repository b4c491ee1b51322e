package dev.penguinmails.domains.mailboxes.connection;

/** What to do about a failed connection test, in plain English. */
final class Hints {
    private Hints() { }

    static String of(LoginAttempt attempt, ConnectionResult.Outcome outcome) {
        String server = attempt.protocol().wire().toUpperCase(java.util.Locale.ROOT) + " server " + attempt.host()
                + ":" + attempt.port();
        return switch (outcome) {
            case OK -> null;
            case UNREACHABLE -> "Nothing answered at the " + server + ". Check the host name and port in your mail "
                    + "provider's settings (SMTP is usually 587 with STARTTLS or 465 with TLS; IMAP 993 with TLS).";
            case TIMEOUT -> "The " + server + " did not answer in time. A firewall may drop the connection, or the port "
                    + "expects TLS from the first byte (465, 993) while STARTTLS was chosen, or the reverse.";
            case TLS_FAILED -> "TLS could not be set up with the " + server + ". Use tls for ports 465 and 993 and "
                    + "starttls for 587 and 143, and make sure the server's certificate is valid for " + attempt.host() + ".";
            case AUTH_FAILED -> "The " + server + " refused the username or password. Check both; Google Workspace and "
                    + "Microsoft 365 need an app password or SMTP AUTH enabled for the mailbox.";
            case NOT_ALLOWED -> "This host or port cannot be used: mailboxes must be public mail servers on a standard "
                    + "mail port, reached with TLS or STARTTLS.";
            case PROTOCOL_ERROR -> "The " + server + " answered in a way we did not expect; check that it is an "
                    + attempt.protocol().wire().toUpperCase(java.util.Locale.ROOT) + " server.";
        };
    }
}
