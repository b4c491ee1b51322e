package dev.penguinmails.sending.scheduling;

import dev.penguinmails.sending.sequences.StepDelay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a step is due after the previous one left: hours, days, or business days (Monday to Friday) in a zone. */
public final class StepDelays {
    private StepDelays() { }

    public static Instant after(Instant previous, StepDelay delay, ZoneId zone) {
        if ("hours".equals(delay.unit())) {
            return previous.plus(Duration.ofHours(delay.amount()));
        }
        ZonedDateTime at = previous.atZone(zone);
        if (!delay.businessDays()) {
            return at.plusDays(delay.amount()).toInstant();
        }
        int left = delay.amount();
        while (left > 0) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
