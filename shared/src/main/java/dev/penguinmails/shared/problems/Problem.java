package dev.penguinmails.shared.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code errors} lists field errors for validation problems and is left out when empty.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, @Nullable String detail, @Nullable String instance, List<FieldError> errors) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, instance, errors);
    }

    /** The slug of {@link #type()} when it is one of ours, for logs and tests. */
    public String slug() {
        return type.startsWith(ProblemType.BASE_URI) ? type.substring(ProblemType.BASE_URI.length()) : type;
    }
}
