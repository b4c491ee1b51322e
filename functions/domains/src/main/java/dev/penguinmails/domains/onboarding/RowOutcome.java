package dev.penguinmails.domains.onboarding;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * What became of one row: added; skipped (what it names is there already, as the row says); or failed, with the
 * problem the single-item API would have answered ({@code problem} is its slug) and one error per column at fault.
 */
public record RowOutcome(Result result, @Nullable String problem, List<ColumnError> errors) {
    public enum Result { SUCCEEDED, FAILED, SKIPPED }

    /** One reason a row did not go in, and the column it concerns (the row's key column when no single one does). */
    public record ColumnError(String column, String reason) {
        public ColumnError {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public RowOutcome {
        Objects.requireNonNull(result, "result");
        errors = List.copyOf(errors);
    }

    public static RowOutcome succeeded() {
        return new RowOutcome(Result.SUCCEEDED, null, List.of());
    }

    public static RowOutcome failed(String problem, List<ColumnError> errors) {
        return new RowOutcome(Result.FAILED, problem, errors);
    }

    public static RowOutcome skipped(String problem, String column, String reason) {
        return new RowOutcome(Result.SKIPPED, problem, List.of(new ColumnError(column, reason)));
    }
}
