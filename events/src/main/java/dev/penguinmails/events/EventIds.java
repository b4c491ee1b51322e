package dev.penguinmails.events;

import dev.penguinmails.shared.ids.Ids;

/** Event ids: the system's time-sortable ids with prefix {@code evt}, e.g. {@code evt_01KBFR3Q8N5W6Y2XJ7T4C9M0AB}. */
public final class EventIds {
    public static final String PREFIX = "evt";

    private EventIds() { }

    /** A new, unique event id. */
    public static String next() {
        return Ids.newId(PREFIX);
    }

    /** Whether {@code id} has the form {@link #next()} produces. */
    public static boolean isValid(String id) {
        return Ids.isValid(id, PREFIX);
    }
}
