package dev.penguinmails.shared.lambda;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.ServerCookieDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every cookie of a request's {@code Cookie} header ({@code name=value; name2=value2}, RFC 6265
 * section 4.2). Micronaut's default decoder, which the Lambda handler uses, parses the header as a
 * Set-Cookie and keeps only the first cookie. Registered as a service, so Micronaut finds it first.
 */
public final class RequestCookieDecoder implements ServerCookieDecoder {

    @Override
    public List<Cookie> decode(String header) {
        List<Cookie> cookies = new ArrayList<>();
        if (header == null) {
            return cookies;
        }
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? "" : pair.substring(0, equals)).strip();
            if (name.isEmpty()) {
                continue;
            }
            String value = pair.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            cookies.add(Cookie.of(name, value));
        }
        return cookies;
    }
}
