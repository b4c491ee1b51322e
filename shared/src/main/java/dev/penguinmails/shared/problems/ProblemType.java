package dev.penguinmails.shared.problems;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of problem with a stable type URI ({@code https://penguinmails.dev/problems/<slug>}), a short
 * human title and the HTTP status it is answered with. Clients branch on the slug, so a slug never
 * changes meaning once published. Functions declare their own with {@link #of}.
 */
public record ProblemType(String slug, String title, int status) {
    public static final String BASE_URI = "https://penguinmails.dev/problems/";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final ProblemType BAD_REQUEST = of("bad-request", "Bad request", 400);
    public static final ProblemType VALIDATION_FAILED = of("validation-failed", "The request is not valid", 400);
    public static final ProblemType MALFORMED_JSON = of("malformed-json", "The request body is not valid JSON", 400);
    public static final ProblemType INVALID_CURSOR = of("invalid-cursor", "The pagination cursor is not valid", 400);
    public static final ProblemType INVALID_IDEMPOTENCY_KEY =
            of("invalid-idempotency-key", "The Idempotency-Key header is not valid", 400);
    public static final ProblemType UNAUTHORIZED = of("unauthorized", "Authentication is required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "Not allowed", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = of("conflict", "Conflict", 409);
    public static final ProblemType IDEMPOTENCY_REQUEST_IN_PROGRESS = of("idempotency-request-in-progress",
            "A request with this Idempotency-Key is still in progress", 409);
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", "The request body is too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            of("unsupported-media-type", "Unsupported content type", 415);
    public static final ProblemType UNPROCESSABLE = of("unprocessable", "The request cannot be processed", 422);
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused",
            "This Idempotency-Key was already used with a different request", 422);
    public static final ProblemType RATE_LIMITED = of("rate-limited", "Too many requests", 429);
    public static final ProblemType INTERNAL_ERROR = of("internal-error", "Internal server error", 500);
    public static final ProblemType SERVICE_UNAVAILABLE = of("service-unavailable", "Service unavailable", 503);

    public ProblemType {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("A problem slug is lower-case words joined by '-': " + slug);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has an error status (4xx or 5xx): " + status);
        }
    }

    public static ProblemType of(String slug, String title, int status) {
        return new ProblemType(slug, title, status);
    }

    /** The stable type URI clients branch on. */
    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    /** The generic type for a status that no more specific type describes. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST.withStatus(status);
        };
    }

    private ProblemType withStatus(int otherStatus) {
        return otherStatus == status ? this : new ProblemType(slug, title, otherStatus);
    }
}
