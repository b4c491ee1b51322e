package dev.penguinmails.billing.catalog;

import java.util.Locale;

/**
 * A usage figure counted against {@link Limits}; only emails are counted per billing period.
 */
public enum Metric {
    MAILBOXES,
    CONTACTS,
    EMAILS_SENT,
    SEATS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean perPeriod() {
        return this == EMAILS_SENT;
    }
}
