package dev.penguinmails.shared.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cookies as API Gateway's payload format 2.0 carries them: a request's cookies arrive in the event's
 * {@code cookies} array, not in a Cookie header, and a response's cookies leave in the response's
 * {@code cookies} array, one Set-Cookie each, since its {@code headers} hold one value per name.
 */
public final class PayloadCookies {
    private static final String COOKIE = HttpHeaders.COOKIE.toLowerCase(java.util.Locale.ROOT);

    private PayloadCookies() { }

    /** Puts the event's {@code cookies} into a {@code cookie} header, where Micronaut reads cookies. */
    public static APIGatewayV2HTTPEvent intoRequest(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getCookies() == null || event.getCookies().isEmpty()) {
            return event;
        }
        List<String> cookies = new ArrayList<>();
        Map<String, String> headers = without(HttpHeaders.COOKIE, event.getHeaders(), cookies::add);
        headers = headers == null ? new LinkedHashMap<>() : headers;
        cookies.addAll(event.getCookies());
        headers.put(COOKIE, String.join("; ", cookies));
        event.setHeaders(headers);
        return event;
    }

    /**
     * Moves every Set-Cookie of the response into its {@code cookies} array. Micronaut lists them all in
     * {@code multiValueHeaders} (which payload 2.0 does not have) and only the first in {@code headers}.
     */
    public static APIGatewayV2HTTPResponse intoResponse(APIGatewayV2HTTPResponse response) {
        if (response == null) {
            return null;
        }
        List<String> all = new ArrayList<>();
        List<String> first = new ArrayList<>();
        response.setMultiValueHeaders(without(HttpHeaders.SET_COOKIE, response.getMultiValueHeaders(), all::addAll));
        response.setHeaders(without(HttpHeaders.SET_COOKIE, response.getHeaders(), first::add));
        List<String> cookies = new ArrayList<>(response.getCookies() == null ? List.of() : response.getCookies());
        if (cookies.isEmpty()) {
            cookies.addAll(all.isEmpty() ? first : all);
        }
        response.setCookies(cookies.isEmpty() ? null : cookies);
        return response;
    }

    /** A copy of {@code headers} without the header {@code name} (in any case), whose values go to {@code removed}. */
    private static <V> Map<String, V> without(String name, Map<String, V> headers, Consumer<V> removed) {
        if (headers == null) {
            return null;
        }
        Map<String, V> kept = new LinkedHashMap<>();
        headers.forEach((header, value) -> {
            if (header.equalsIgnoreCase(name)) {
                removed.accept(value);
            } else {
                kept.put(header, value);
            }
        });
        return kept;
    }
}
