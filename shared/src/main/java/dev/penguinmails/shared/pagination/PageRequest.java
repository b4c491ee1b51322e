package dev.penguinmails.shared.pagination;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What page a client asked for: {@code limit} (1 to 100, default 25) and the opaque {@code cursor} from
 * the previous page, if any. Controllers take it as a parameter (bound from the query string by
 * {@link PageRequestBinder}) or build it with {@link #of(String, String)}.
 */
public record PageRequest(int limit, @Nullable String cursor) {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    public static final String LIMIT_PARAMETER = "limit";
    public static final String CURSOR_PARAMETER = "cursor";
    // A signed cursor is far shorter; anything longer is not one of ours.
    private static final int MAX_CURSOR_LENGTH = 2048;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid(LIMIT_PARAMETER, "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && (cursor.isBlank() || cursor.length() > MAX_CURSOR_LENGTH)) {
            throw invalid(CURSOR_PARAMETER, "is not a cursor returned by this API");
        }
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /** Parses the raw query values; a bad value is a 400 problem naming the field. */
    public static PageRequest of(@Nullable String limit, @Nullable String cursor) {
        int parsed = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsed = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw invalid(LIMIT_PARAMETER, "must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        return new PageRequest(parsed, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(List.of(new FieldError(field, message)));
    }
}
