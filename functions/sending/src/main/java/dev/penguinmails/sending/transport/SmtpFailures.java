package dev.penguinmails.sending.transport;

import dev.penguinmails.sending.transport.SendResult.PermanentFailure;
import dev.penguinmails.sending.transport.SendResult.PermanentFailure.Scope;
import dev.penguinmails.sending.transport.SendResult.TemporaryFailure;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Classifies what angus-mail throws into temporary and permanent failures (decision 0049). */
final class SmtpFailures {
    /** Greylisting servers ask for a few minutes; retrying sooner only earns another 451. */
    static final Duration GREYLIST_WAIT = Duration.ofMinutes(5);
    private static final Pattern CODE = Pattern.compile("\\b([245]\\d\\d)[ -]");

    private SmtpFailures() { }

    static SendResult classify(MessagingException failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException address) {
                return byCode(address.getReturnCode(), reason(address), Scope.RECIPIENT);
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPSendFailedException send) {
                return byCode(send.getReturnCode(), reason(send), Scope.MESSAGE);
            }
            if (t instanceof AuthenticationFailedException auth) {
                int code = codeIn(auth.getMessage());
                return code >= 400 && code < 500 ? new TemporaryFailure(code, "authentication: " + reason(auth), null)
                        : new PermanentFailure(Scope.MAILBOX, code, "authentication failed: " + reason(auth));
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SSLException ssl && !(ssl.getCause() instanceof SocketException)) {
                return new PermanentFailure(Scope.MAILBOX, 0, "TLS failed: " + reason(ssl));
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return new TemporaryFailure(0, "timed out: " + reason(t), null);
            }
            if (t instanceof ConnectException || t instanceof SocketException || t instanceof UnknownHostException) {
                return new TemporaryFailure(0, "connection: " + reason(t), null);
            }
        }
        // angus reports a reply it did not expect (e.g. 421 to EHLO, 554 as greeting) only in the message text.
        int code = codeIn(failure.getMessage());
        if (code >= 500) {
            return new PermanentFailure(Scope.MESSAGE, code, reason(failure));
        }
        // An unknown failure is retried: the send is claimed exactly once upstream, and a retry is cheaper than a
        // lost email.
        return new TemporaryFailure(code, reason(failure), null);
    }

    static SendResult byCode(int code, String reason, Scope scope) {
        if (code >= 400 && code < 500) {
            boolean greylisted = reason.toLowerCase(Locale.ROOT).contains("greylist")
                    || reason.toLowerCase(Locale.ROOT).contains("graylist");
            return new TemporaryFailure(code, reason, greylisted ? GREYLIST_WAIT : null);
        }
        if (code >= 500) {
            return new PermanentFailure(scope, code, reason);
        }
        return new TemporaryFailure(code, reason, null);
    }

    private static int codeIn(String text) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
