package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/** Routes that show what the binder resolved from an injected authorizer context; only in its own test. */
@Hidden
@Requires(property = BinderTestController.ENABLED, value = "true")
@Controller("/v1/_binder-test")
class BinderTestController {
    static final String ENABLED = "penguinmails.test.binder-controller";

    /** What reached the function: header names and the authorizer context on the event. */
    @Get("/echo")
    @PublicEndpoint
    Map<String, String> echo(io.micronaut.http.HttpRequest<?> request) {
        return Map.of("headers", String.join(",", request.getHeaders().names()),
                "request", request.getClass().getName(),
                "context", String.valueOf(AuthorizerContextFilter.lambdaContext(request)));
    }

    @Get("/workspaces/{workspaceId}")
    @RequiresPermission(Permission.WORKSPACE_READ)
    Map<String, String> read(@PathVariable String workspaceId, Principal principal, TenantContext tenant) {
        return Map.of("principal", principal.id(), "workspace", tenant.workspaceId(),
                "role", tenant.role() == null ? "" : tenant.role().wireName());
    }
}
