package dev.penguinmails.contacts.model;

import java.util.Locale;

/** Whether a contact may be mailed, and if not, why. Only {@link #ACTIVE} contacts are sent to. */
public enum ContactStatus {
    ACTIVE, UNSUBSCRIBED, BOUNCED, COMPLAINED;

    /** The name in the API and in events, e.g. {@code unsubscribed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactStatus fromWire(String value) {
        for (ContactStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be one of active, unsubscribed, bounced, complained");
    }
}
