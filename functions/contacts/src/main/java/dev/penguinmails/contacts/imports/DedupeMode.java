package dev.penguinmails.contacts.imports;

import java.util.Locale;

/**
 * What a row does whose address the workspace has a contact for already. A second row of the same address in the
 * file is always skipped, whatever the mode: the first row of an address wins.
 */
public enum DedupeMode {
    /** Leaves the contact as it is; the row is skipped. */
    SKIP,
    /** Fills the contact's empty fields from the row (and adds its tags and custom fields the contact lacks). */
    UPDATE,
    /** Sets every field the row gives (non-empty cells) on the contact; fields the row leaves empty stay. */
    OVERWRITE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DedupeMode fromWire(String value) {
        for (DedupeMode m : values()) {
            if (m.wire().equals(value == null ? null : value.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("must be skip, update or overwrite");
    }
}
