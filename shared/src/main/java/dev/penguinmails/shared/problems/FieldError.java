package dev.penguinmails.shared.problems;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** One invalid input: the field's JSON path as the client sent it (e.g. {@code contacts[0].email}) and why. */
@Serdeable
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
