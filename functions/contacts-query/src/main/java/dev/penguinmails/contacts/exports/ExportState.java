package dev.penguinmails.contacts.exports;

import java.util.Locale;

/** Where an export is: queued (no slice has started it), running, completed (the file is ready) or failed. */
public enum ExportState {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
