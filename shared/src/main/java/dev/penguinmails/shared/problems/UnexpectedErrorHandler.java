package dev.penguinmails.shared.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;

/**
 * The last resort for any exception no closer handler claims: a 500 problem with a generic detail.
 * {@link ProblemResponses} logs the cause with the request id.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class UnexpectedErrorHandler implements ExceptionHandler<Throwable, HttpResponse<?>> {
    private final ProblemResponses problems;

    public UnexpectedErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Throwable exception) {
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.serverError());
    }
}
