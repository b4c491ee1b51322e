package dev.penguinmails.contacts.model;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * IANA time zone names ({@code America/Sao_Paulo}), found case-insensitively and kept in their canonical
 * spelling. Offsets ({@code +02:00}) and abbreviations ({@code PST}) are refused: they say nothing of daylight
 * saving, and sending schedules by the contact's local time.
 */
public final class Timezones {
    private static final Map<String, String> BY_LOWER = index();

    private Timezones() { }

    /** The canonical name; {@link IllegalArgumentException} if it is no IANA zone. */
    public static String canonical(String input) {
        String found = BY_LOWER.get(input.strip().toLowerCase(java.util.Locale.ROOT));
        if (found == null) {
            throw new IllegalArgumentException("is not an IANA time zone name, e.g. America/New_York or Europe/Lisbon");
        }
        return found;
    }

    private static Map<String, String> index() {
        Map<String, String> zones = new TreeMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            // Region ids only: SystemV/..., Etc/GMT+3 and the like are offsets in disguise.
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                zones.put(id.toLowerCase(java.util.Locale.ROOT), id);
            }
        }
        zones.put("utc", "UTC");
        return Map.copyOf(zones);
    }
}
