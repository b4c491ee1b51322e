package dev.penguinmails.identity.authorizer;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The Lambda entry point of identity's API Gateway authorizer (topology: {@code authorizer}; REQUEST type,
 * payload 2.0, simple responses). Only a malformed Authorization header is denied here (API Gateway: 403);
 * every well-formed one is let through with a context that says who calls or why not, which the serving
 * function's {@code AuthorizerContextFilter} turns into the answer.
 */
public class AuthorizerFunction extends MicronautRequestHandler<AuthorizerEvent, AuthorizerResponse> {
    private final Authorizer authorizer;

    /** The constructor Lambda uses: it starts the function's Micronaut context. */
    public AuthorizerFunction() {
        super();
        authorizer = applicationContext.getBean(Authorizer.class);
    }

    /** For tests: runs inside an existing context. */
    public AuthorizerFunction(ApplicationContext applicationContext) {
        super(applicationContext);
        authorizer = applicationContext.getBean(Authorizer.class);
    }

    @Override
    public AuthorizerResponse execute(AuthorizerEvent event) {
        return authorizer.authorize(event);
    }
}
