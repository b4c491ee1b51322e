package dev.penguinmails.sending.scheduling;

import dev.penguinmails.sending.campaigns.CampaignDefinition.SendingWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Whether an instant falls in a campaign's sending window, in a zone (the contact's, else the campaign's). */
public final class SendingWindows {
    private SendingWindows() { }

    public static boolean open(SendingWindow window, ZoneId zone, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return allowed(window, local.toLocalDate())
                && !time.isBefore(LocalTime.parse(window.start())) && time.isBefore(LocalTime.parse(window.end()));
    }

    /** The next time the window opens after {@code at} (within a week, since a window has at least one day). */
    public static Instant nextOpening(SendingWindow window, ZoneId zone, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate candidate = day.plusDays(i);
            Instant opens = candidate.atTime(LocalTime.parse(window.start())).atZone(zone).toInstant();
            if (allowed(window, candidate) && opens.isAfter(at)) {
                return opens;
            }
        }
        return at.plusSeconds(86_400);
    }

    private static boolean allowed(SendingWindow window, LocalDate day) {
        String name = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
        return window.days() == null || window.days().isEmpty() || window.days().contains(name);
    }
}
