package dev.penguinmails.shared.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;

/** Answers a thrown {@link ProblemException} with its problem and headers. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    private final ProblemResponses problems;

    public ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(exception.status(), exception.type().title()));
    }
}
