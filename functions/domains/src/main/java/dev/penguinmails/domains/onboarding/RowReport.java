package dev.penguinmails.domains.onboarding;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A row that failed or was skipped: its number among the data rows, the line of the file it starts on, what it
 * named (normalised, when readable), the problem's slug and one error per column.
 */
public record RowReport(int row, long line, RowOutcome.Result result, @Nullable String key, @Nullable String problem,
                        List<RowOutcome.ColumnError> errors) {
    public RowReport {
        errors = List.copyOf(errors);
    }
}
