package dev.penguinmails.identity.accounts;

import dev.penguinmails.shared.http.ClientAddress;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/**
 * Where a request came from: the client's IP address and user agent, for throttling, the login
 * activity log, sessions and new-device emails.
 *
 * <p>The IP is API Gateway's {@code requestContext.http.sourceIp}, which a client cannot forge. Only
 * when there is none (local runs and tests that bypass API Gateway) is the first
 * {@code X-Forwarded-For} entry used ({@link ClientAddress}).
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
        return new ClientInfo(ClientAddress.of(request), request.getHeaders().get(HttpHeaders.USER_AGENT));
    }

    /**
     * What per-network throttles count this client under: the IPv4 address, or the /64 of an IPv6 one (a
     * single subscriber holds a whole /64 and could otherwise rotate through it).
     */
    public String network() {
        return ClientAddress.network(ip);
    }
}
