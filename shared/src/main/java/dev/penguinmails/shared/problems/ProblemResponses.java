package dev.penguinmails.shared.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.penguinmails.shared.http.RequestBodies;
import dev.penguinmails.shared.logging.RequestContext;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.NotFoundException;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedQueryValueRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error Micronaut or our code produces into an RFC 9457 problem. Micronaut's own handlers
 * (unknown route, wrong method, wrong content type, unreadable body, missing argument) all end here, so
 * one class decides what a client may see: for 5xx only a generic detail; the cause is logged with the
 * request id instead.
 */
@Singleton
public class ProblemResponses implements ErrorResponseProcessor<Problem> {
    static final String INTERNAL_DETAIL =
            "An unexpected error occurred. If it persists, contact support and quote the X-Request-Id of this response.";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        Throwable cause = context.getRootCause().orElse(null);
        ProblemException problem = cause instanceof ProblemException pe ? pe : translate(context, response.code(), cause);
        if (problem.status() >= 500) {
            logUnexpected(request, cause);
        }
        MutableHttpResponse<Problem> out = (MutableHttpResponse<Problem>) response.status(problem.status());
        problem.headers().forEach(out.getHeaders()::set);
        if (request.getMethod() == HttpMethod.HEAD) {
            return out;
        }
        return out.contentType(PROBLEM_JSON)
                .body(Problem.of(problem.type(), problem.detail(), request.getPath(), problem.errors()));
    }

    /** What a client may learn about an error that did not come from a {@link ProblemException}. */
    private static ProblemException translate(ErrorContext context, int status, Throwable cause) {
        if (status >= 500) {
            return new ProblemException(ProblemType.forStatus(status), INTERNAL_DETAIL);
        }
        if (cause instanceof UnsatisfiedBodyRouteException
                || (isMalformedBody(cause) && RequestBodies.size(context.getRequest()).orElse(-1) == 0)) {
            return ProblemException.badRequest("A request body is required.");
        }
        if (isMalformedBody(cause)) {
            return new ProblemException(ProblemType.MALFORMED_JSON,
                    "The request body could not be read as JSON of the expected shape.");
        }
        if (cause instanceof UnsatisfiedQueryValueRouteException query) {
            // Micronaut reports a value it cannot convert (count=abc for an int) as missing too.
            String name = query.getQueryParameterName();
            return ProblemException.invalid(name,
                    context.getRequest().getParameters().contains(name) ? "has an invalid value" : "is required");
        }
        if (cause instanceof UnsatisfiedRouteException missing) {
            return ProblemException.invalid(missing.getArgument().getName(), "is required");
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return ProblemException.invalid(missing.getArgument().getName(), "is required");
        }
        if (cause instanceof ConversionErrorException conversion) {
            return ProblemException.invalid(conversion.getArgument().getName(), "has an invalid value");
        }
        ProblemType type = ProblemType.forStatus(status);
        return new ProblemException(type, detailFor(context.getRequest(), status, cause), List.of(), Map.of());
    }

    private static boolean isMalformedBody(Throwable cause) {
        return cause instanceof JsonSyntaxException
                || cause instanceof JsonProcessingException
                || cause instanceof CodecException
                || (cause instanceof ConversionErrorException c
                    && (c.getCause() instanceof JsonSyntaxException || c.getCause() instanceof JsonProcessingException));
    }

    private static String detailFor(HttpRequest<?> request, int status, Throwable cause) {
        if (cause instanceof NotFoundException) {
            return "There is no resource at " + request.getPath() + ".";
        }
        if (cause instanceof NotAllowedException) {
            return request.getMethodName() + " is not allowed on " + request.getPath() + ".";
        }
        if (cause instanceof UnsupportedMediaException unsupported) {
            String accepted = unsupported.getAcceptableContentTypes().isEmpty() ? MediaType.APPLICATION_JSON
                    : String.join(" or ", unsupported.getAcceptableContentTypes());
            return "Content type " + request.getContentType().map(MediaType::toString).orElse("(none)")
                    + " is not supported here; send " + accepted + ".";
        }
        if (cause instanceof NotAcceptableException) {
            return "None of the media types in the Accept header can be produced here.";
        }
        if (cause instanceof HttpStatusException hse && hse.getMessage() != null) {
            // Thrown deliberately by our code or Micronaut's routing with a message meant for the caller.
            return hse.getMessage();
        }
        return ProblemType.forStatus(status).title() + ".";
    }

    private static void logUnexpected(HttpRequest<?> request, Throwable cause) {
        // Error handling may run after the request's MDC scope closed; put the ids back for this one line.
        try (RequestContext.MdcScope ignored = RequestContext.mdcScope(request)) {
            LOG.error("Unexpected error answering {} {}", request.getMethodName(), request.getPath(), cause);
        }
    }

    /** The problem a request would get for {@code exception}, for filters that answer before routing. */
    public MutableHttpResponse<Problem> responseFor(HttpRequest<?> request, ProblemException exception) {
        return processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(exception.status(), exception.type().title()));
    }
}
