package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

/**
 * Binds a controller parameter of type {@link TenantContext}, which authentication resolved for the
 * {@code {workspaceId}} of the path. Asking for one on a route without that variable is a programming
 * error, not something a client can cause.
 */
@Singleton
public class TenantContextBinder implements TypedRequestArgumentBinder<TenantContext>,
        PostponedRequestArgumentBinder<TenantContext> {
    @Override
    public Argument<TenantContext> argumentType() {
        return Argument.of(TenantContext.class);
    }

    @Override
    public BindingResult<TenantContext> bind(ArgumentConversionContext<TenantContext> context, HttpRequest<?> source) {
        TenantContext tenant = source.getAttribute(TenantContext.ATTRIBUTE, TenantContext.class)
                .orElseThrow(() -> new IllegalStateException("no tenant context on " + source.getMethodName() + " "
                        + source.getPath() + ": only routes with {workspaceId} have one"));
        return () -> java.util.Optional.of(tenant);
    }
}
