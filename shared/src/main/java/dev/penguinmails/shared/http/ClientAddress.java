package dev.penguinmails.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request came from, for throttles and for scoping what anonymous callers may share.
 *
 * <p>The address is API Gateway's {@code requestContext.http.sourceIp}, which a client cannot forge. Only
 * when there is none (tests that bypass API Gateway) is the first {@code X-Forwarded-For} entry used, then
 * the socket's peer.
 */
public final class ClientAddress {
    public static final String UNKNOWN = "unknown";
    // The longest IPv6 text form is 45 characters; anything longer is not an address.
    private static final int MAX_LENGTH = 64;
    // Starts with a hex digit or a colon and holds only those and dots: InetAddress parses such text as a
    // literal (or rejects it) and never looks it up in DNS.
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private ClientAddress() { }

    /** The client's IP address as text, or {@link #UNKNOWN}. */
    public static String of(HttpRequest<?> request) {
        String ip = sourceIp(request).orElseGet(() -> forwardedFor(request));
        ip = ip == null || ip.isBlank() ? UNKNOWN : ip.strip();
        return ip.length() > MAX_LENGTH ? ip.substring(0, MAX_LENGTH) : ip;
    }

    /**
     * The network a per-IP throttle should count {@code ip} under: an IPv4 address as it is, an IPv6
     * address as its /64 (written {@code 2001:db8:1:2::/64}), since one subscriber usually holds a whole
     * /64 and could rotate through it to dodge a per-address limit. Anything unparsable is returned as it is.
     */
    public static String network(String ip) {
        if (ip == null || ip.indexOf(':') < 0 || !IPV6_LITERAL.matcher(ip).matches()) {
            return ip;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(ip);
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return ip;
        }
        if (!(address instanceof Inet6Address)) {
            // An IPv4-mapped address (::ffff:192.0.2.1) comes back as IPv4: count it as that address.
            return address.getHostAddress();
        }
        byte[] bytes = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(bytes, 8, 16, (byte) 0);
        StringBuilder prefix = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            prefix.append(Integer.toHexString(value)).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static Optional<String> sourceIp(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
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
