package dev.penguinmails.events;

import java.util.List;

/**
 * An event that breaks its contract: unknown type, wrong source, malformed JSON, or a detail its JSON
 * Schema rejects. Retrying cannot fix it, so consumers let it go to the dead-letter queue and producers
 * publish nothing.
 */
public class InvalidEventException extends RuntimeException {
    private final List<String> violations;

    public InvalidEventException(String message, List<String> violations) {
        super(violations.isEmpty() ? message : message + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidEventException(String message) {
        this(message, List.of());
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.violations = List.of();
    }

    /** The schema's complaints, one per failed keyword, e.g. {@code /email: does not match the email format}. */
    public List<String> violations() {
        return violations;
    }
}
