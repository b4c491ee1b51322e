package dev.penguinmails.domains.onboarding;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import java.util.List;
import java.util.Map;

/** Problems of submitting an onboarding file and reading its job. */
public final class OnboardingProblems {
    public static final ProblemType INVALID_CSV =
            ProblemType.of("invalid-csv", "The file is not a CSV file of the expected columns", 400);

    private OnboardingProblems() { }

    static ProblemException invalid(String detail) {
        return new ProblemException(INVALID_CSV, detail);
    }

    static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(INVALID_CSV, detail, errors, Map.of());
    }

    static ProblemException tooManyRows(int rows, int maxRows) {
        return ProblemException.payloadTooLarge("The file has more than " + maxRows + " rows (" + rows
                + " read); a job takes at most " + maxRows + ": split the file.");
    }

    static ProblemException tooLarge(int bytes, int maxBytes) {
        return ProblemException.payloadTooLarge("The file is " + bytes + " bytes; a job takes at most " + maxBytes
                + " bytes: split the file.");
    }

    static ProblemException jobNotFound() {
        return ProblemException.notFound("This workspace has no such onboarding job.");
    }
}
