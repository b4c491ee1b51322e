package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.problems.ProblemException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a controller parameter of type {@link Principal}. Runs after the filters (so after
 * authentication); a {@code @Nullable} parameter is null on an anonymous public request.
 */
@Singleton
public class PrincipalBinder implements TypedRequestArgumentBinder<Principal>, PostponedRequestArgumentBinder<Principal> {
    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        Optional<Principal> principal = Principal.of(source);
        if (principal.isEmpty() && !context.getArgument().isNullable()) {
            // Only reachable on a public endpoint that wrongly insists on a caller.
            throw ProblemException.unauthorized("Send your access token as 'Authorization: Bearer <token>'.");
        }
        return () -> principal;
    }
}
