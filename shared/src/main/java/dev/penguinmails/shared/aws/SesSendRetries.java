package dev.penguinmails.shared.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's retries for SES {@code SendEmail}, which has no idempotency token: a retry of a request SES took sends
 * the email twice. So only answers that prove SES did not take it are retried: throttling, and a connection that
 * never opened. A timeout or a reset after the request went out is not retried here; the caller must treat it as
 * an unknown outcome (decision 0069).
 */
public final class SesSendRetries {
    static final int MAX_ATTEMPTS = 3;

    private SesSendRetries() { }

    public static RetryStrategy strategy() {
        return StandardRetryStrategy.builder()
                .useClientDefaults(false)
                .retryOnException(SesSendRetries::certainlyNotTaken)
                .treatAsThrottling(SesSendRetries::throttled)
                .maxAttempts(MAX_ATTEMPTS)
                .build();
    }

    /** SES answered that it did not take the request, or the request never reached it. */
    public static boolean certainlyNotTaken(Throwable failure) {
        return throttled(failure) || neverConnected(failure);
    }

    static boolean throttled(Throwable failure) {
        return failure instanceof AwsServiceException service
                && (service.isThrottlingException() || service.statusCode() == 429);
    }

    /** No connection was made: refused, no route, unknown host, or the connect itself timed out. */
    public static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException timeout && timeout.getMessage() != null
                    && timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }
}
