package dev.penguinmails.identity.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.function.aws.proxy.ApiGatewayServletRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Where a request came from: the client's IP address and user agent, for throttling, the login
 * activity log, sessions and new-device emails.
 *
 * <p>The IP is API Gateway's {@code requestContext.http.sourceIp}, which a client cannot forge. Only
 * when there is none (local runs and tests that bypass API Gateway) is the first
 * {@code X-Forwarded-For} entry used.
 */
public record ClientInfo(String ip, String userAgent) {
    public static final String UNKNOWN = "unknown";
    private static final int MAX_USER_AGENT = 512;
    // The longest IPv6 text form is 45 characters; anything longer is not an address.
    private static final int MAX_IP = 64;

    public ClientInfo {
        ip = ip == null || ip.isBlank() ? UNKNOWN : ip.strip();
        ip = ip.length() > MAX_IP ? ip.substring(0, MAX_IP) : ip;
        userAgent = userAgent == null || userAgent.isBlank() ? UNKNOWN
                : userAgent.strip().substring(0, Math.min(userAgent.strip().length(), MAX_USER_AGENT));
    }

    public static ClientInfo of(HttpRequest<?> request) {
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        return new ClientInfo(sourceIp(request).orElseGet(() -> forwardedFor(request)), userAgent);
    }

    private static Optional<String> sourceIp(HttpRequest<?> request) {
        if (request instanceof ApiGatewayServletRequest<?, ?, ?> gateway
                && gateway.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            return Optional.ofNullable(event.getRequestContext().getHttp().getSourceIp()).filter(ip -> !ip.isBlank());
        }
        return Optional.empty();
    }

    private static String forwardedFor(HttpRequest<?> request) {
        String header = request.getHeaders().get("X-Forwarded-For");
        if (header != null && !header.isBlank()) {
            return header.split(",")[0].strip();
        }
        var remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
    }
}
