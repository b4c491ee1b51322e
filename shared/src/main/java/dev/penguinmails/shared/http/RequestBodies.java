package dev.penguinmails.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;

/** Reads a request's raw body for filters, without consuming it for the controller. */
public final class RequestBodies {
    private RequestBodies() { }

    /** The body's size in bytes, when it can be known without reading a stream. */
    public static OptionalLong size(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return OptionalLong.of(sizeOf(event));
        }
        String declared = request.getHeaders().get(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                return OptionalLong.of(Long.parseLong(declared.strip()));
            } catch (NumberFormatException e) {
                // fall through to the body itself
            }
        }
        if (request instanceof ServerHttpRequest<?> server) {
            return server.byteBody().expectedLength();
        }
        return OptionalLong.empty();
    }

    /** The body's bytes (empty when there is none). Blocks until a streamed body has arrived. */
    public static byte[] bytes(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return new byte[0];
        }
        ByteBody body = server.byteBody();
        if (body instanceof AvailableByteBody available) {
            try (CloseableAvailableByteBody copy = available.split()) {
                return copy.toByteArray();
            }
        }
        try (CloseableAvailableByteBody buffered = body.split().buffer().get()) {
            return buffered.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the request body", e.getCause());
        }
    }

    /** The decoded size of an API Gateway body, computed from the event's string without decoding it. */
    static long sizeOf(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return 0;
        }
        if (event.getIsBase64Encoded()) {
            int padding = body.endsWith("==") ? 2 : body.endsWith("=") ? 1 : 0;
            return (long) body.length() * 3 / 4 - padding;
        }
        return utf8Length(body);
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
