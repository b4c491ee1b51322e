package dev.penguinmails.shared.pagination;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is null on the last page; otherwise the client passes it back
 * as {@code cursor} to get the next one. A page may be shorter than the limit and still have a next.
 * Both fields are always in the JSON ({@code "nextCursor": null} on the last page).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items,
                      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The same page with each item mapped, e.g. from a stored item to an API view. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
