package dev.penguinmails.domains.onboarding;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds what one row of a file names, through the same service call as the single-item API, so that a row fails
 * exactly as that request would.
 */
public interface RowImporter {

    Columns columns();

    /** What the row adds, normalised as the service would (to find a second row for the same item), if readable. */
    Optional<String> key(CsvFile.CsvRow row);

    /** Adds the row's item in the workspace. Never throws a {@link ProblemException}: it becomes the outcome. */
    RowOutcome apply(TenantContext tenant, CsvFile.CsvRow row);

    /** The row's outcome for a problem the service answered, naming columns as the file does. */
    static RowOutcome failed(ProblemException problem, Columns columns) {
        List<RowOutcome.ColumnError> errors = problem.errors().isEmpty()
                ? List.of(new RowOutcome.ColumnError(columns.key(), problem.detail()))
                : problem.errors().stream()
                        .map(e -> new RowOutcome.ColumnError(columns.columnOfField(e.field()), e.message())).toList();
        return RowOutcome.failed(problem.type().slug(), errors);
    }

    /** The bean-validation failures of a request built from a row, as the API's validation-failed would list them. */
    static Optional<RowOutcome> invalid(Validator validator, Object request, Columns columns) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        List<RowOutcome.ColumnError> errors = violations.stream()
                .map(v -> new RowOutcome.ColumnError(columns.columnOfField(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(RowOutcome.ColumnError::column).thenComparing(RowOutcome.ColumnError::reason))
                .toList();
        return Optional.of(RowOutcome.failed("validation-failed", errors));
    }
}
