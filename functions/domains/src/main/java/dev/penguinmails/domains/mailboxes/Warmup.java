package dev.penguinmails.domains.mailboxes;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A mailbox's warm-up ramp: a new mailbox sends {@code startPerDay} on the day the ramp starts and
 * {@code increasePerDay} more on each later day, until it reaches its daily limit, so providers see its volume
 * grow gradually. A disabled ramp sends the daily limit from the first day.
 */
public record Warmup(boolean enabled, int startPerDay, int increasePerDay, @Nullable LocalDate startedOn) {

    /** How many it may send on {@code day} with {@code dailyLimit}. */
    public int allowance(LocalDate day, int dailyLimit) {
        if (!enabled || startedOn == null) {
            return dailyLimit;
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(startedOn, day));
        long allowance = startPerDay + days * increasePerDay;
        return (int) Math.min(dailyLimit, allowance);
    }

    /** Where the ramp stands on {@code day}. */
    public Stage stage(LocalDate day, int dailyLimit) {
        if (!enabled) {
            return Stage.OFF;
        }
        return allowance(day, dailyLimit) >= dailyLimit ? Stage.COMPLETE : Stage.WARMING;
    }

    /** The first day the allowance reaches {@code dailyLimit}; {@code null} when off or when it never will. */
    public @Nullable LocalDate completesOn(int dailyLimit) {
        if (!enabled || startedOn == null) {
            return null;
        }
        if (startPerDay >= dailyLimit) {
            return startedOn;
        }
        if (increasePerDay <= 0) {
            return null;
        }
        long days = (dailyLimit - startPerDay + increasePerDay - 1L) / increasePerDay;
        return startedOn.plusDays(days);
    }

    public enum Stage { OFF, WARMING, COMPLETE }
}
