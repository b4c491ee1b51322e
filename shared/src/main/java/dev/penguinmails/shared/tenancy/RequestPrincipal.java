package dev.penguinmails.shared.tenancy;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Who sent a request, as authentication records it on the request: a request attribute named
 * {@link #ATTRIBUTE} holding the principal id (a String) or the caller's {@link TenantContext}.
 * Requests without one are {@link #ANONYMOUS}.
 */
public final class RequestPrincipal {
    public static final String ATTRIBUTE = "penguinmails.principal";
    public static final String ANONYMOUS = "anonymous";

    private RequestPrincipal() { }

    public static void set(HttpRequest<?> request, String principalId) {
        request.setAttribute(ATTRIBUTE, principalId);
    }

    /** The principal id, or {@link #ANONYMOUS}. */
    public static String of(HttpRequest<?> request) {
        Optional<Object> value = request.getAttribute(ATTRIBUTE);
        if (value.isEmpty()) {
            value = request.getAttribute(TenantContext.ATTRIBUTE);
        }
        return value.map(v -> v instanceof TenantContext tenant ? tenant.principalId() : v.toString())
                .filter(id -> !id.isBlank())
                .orElse(ANONYMOUS);
    }
}
