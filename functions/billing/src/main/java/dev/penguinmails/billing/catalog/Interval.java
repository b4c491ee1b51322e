package dev.penguinmails.billing.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a plan is billed; {@link #wireName()} is the API's spelling, {@link #stripeInterval()} Stripe's.
 */
public enum Interval {
    MONTHLY("month"),
    YEARLY("year");

    private final String stripeInterval;

    Interval(String stripeInterval) {
        this.stripeInterval = stripeInterval;
    }

    public String stripeInterval() {
        return stripeInterval;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> fromWire(String value) {
        return Arrays.stream(values()).filter(i -> i.wireName().equals(value)).findFirst();
    }
}
