package dev.penguinmails.contacts.imports;

import java.util.Locale;

/** Where an import is: waiting for its file, being worked through, or ended. */
public enum ImportState {
    AWAITING_UPLOAD, RUNNING, COMPLETED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
