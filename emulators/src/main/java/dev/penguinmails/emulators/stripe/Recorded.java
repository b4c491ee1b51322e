package dev.penguinmails.emulators.stripe;

import java.util.ArrayList;
import java.util.List;

/** What the stand-in records for its timing endpoints, in the order it happened; safe across threads. */
final class Recorded<T> {
    private final List<T> items = new ArrayList<>();

    synchronized void add(T item) {
        items.add(item);
    }

    /** Everything since the start or the last {@link #clear}, oldest first. */
    synchronized List<T> all() {
        return List.copyOf(items);
    }

    synchronized void clear() {
        items.clear();
    }
}
