package dev.penguinmails.contacts.segments;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import java.util.List;
import java.util.Map;

/** A definition with bad rules: a 400 {@code validation-failed} naming each by its path. */
public final class InvalidSegmentException extends ProblemException {
    public InvalidSegmentException(List<FieldError> errors) {
        super(ProblemType.VALIDATION_FAILED, "The segment definition has " + errors.size()
                + " bad rule(s); each is named by its path.", errors, Map.of());
    }
}
