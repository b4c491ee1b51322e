package dev.penguinmails.contacts.segments;

import java.util.List;

/**
 * A definition as SQL over {@code contacts c}: a boolean expression with {@code ?} placeholders and their values
 * in order. Values never enter the text, and column names come only from the compiler's allow-list.
 */
public record CompiledSegment(String where, List<Object> params) {
    public CompiledSegment {
        params = List.copyOf(params);
    }
}
