package dev.penguinmails.sending.enrolments;

import java.util.Locale;

/**
 * Where an enrolment stands. Only {@code ACTIVE} is ever scheduled or sent; every other status is final.
 * {@code UNKNOWN}: a send was claimed and its outcome never recorded (decision 0052): never resent, surfaced.
 */
public enum EnrolmentStatus {
    ACTIVE, COMPLETED, STOPPED, FAILED, UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnrolmentStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
