package dev.penguinmails.shared.testing;

import dev.penguinmails.shared.http.FilterOrders;
import dev.penguinmails.shared.tenancy.RequestPrincipal;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Stands in for authentication in shared's tests: the X-Test-Principal header names the caller. */
@Requires(property = ConventionsTestController.ENABLED, value = "true")
@ServerFilter("/test/**")
public class TestPrincipalFilter implements Ordered {
    public static final String HEADER = "X-Test-Principal";

    @RequestFilter
    public void authenticate(HttpRequest<?> request) {
        String principal = request.getHeaders().get(HEADER);
        if (principal != null) {
            RequestPrincipal.set(request, principal);
        }
    }

    @Override
    public int getOrder() {
        return FilterOrders.AUTHENTICATION;
    }
}
