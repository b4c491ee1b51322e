package dev.penguinmails.shared.problems;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by code that wants the caller to get a particular problem response. The detail is shown to
 * the client, so it must be written for them: no internal ids, no exception messages of libraries.
 * Expected outcomes, not bugs, so no stack trace is captured.
 */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(type.slug() + ": " + detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra response headers, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return type.status();
    }

    /** The same problem with one more response header. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(type, detail, errors, more);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }

    /** A 400 listing every invalid field, like a bean-validation failure. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "One or more fields are invalid.", errors, Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"penguinmails\""));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    /** A 429 telling the client when to try again (whole seconds, at least one). */
    public static ProblemException tooManyRequests(Duration retryAfter, String detail) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(ProblemType.RATE_LIMITED, detail, List.of(),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
