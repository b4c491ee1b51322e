package dev.penguinmails.shared.pagination;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
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

    /**
     * Every item of a list, read page after page at the largest page size; for lists that are small by nature
     * (a workspace's members, a person's memberships).
     */
    public static <T> List<T> all(Function<PageRequest, Page<T>> fetch) {
        List<T> items = new ArrayList<>();
        PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<T> page = fetch.apply(request);
            items.addAll(page.items());
            if (!page.hasNext()) {
                return items;
            }
            request = new PageRequest(PageRequest.MAX_LIMIT, page.nextCursor());
        }
    }

    /** The same page with each item mapped, e.g. from a stored item to an API view. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
