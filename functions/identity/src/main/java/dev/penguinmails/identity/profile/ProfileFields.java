package dev.penguinmails.identity.profile;

import dev.penguinmails.shared.problems.FieldError;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a person's name, time zone and locale, shared by signup and profile updates. Each
 * check returns the canonical value or a field error worded for the client.
 */
public final class ProfileFields {
    public static final int MAX_NAME = 100;
    public static final String DEFAULT_TIMEZONE = "UTC";
    public static final String DEFAULT_LOCALE = "en";
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private ProfileFields() { }

    /** A checked value, or the reason it was refused. */
    public record Checked(String value, Optional<FieldError> error) {
        static Checked ok(String value) {
            return new Checked(value, Optional.empty());
        }

        static Checked refused(String field, String message) {
            return new Checked(null, Optional.of(new FieldError(field, message)));
        }
    }

    /** A display name: 1 to 100 characters after trimming, no control characters. */
    public static Checked name(String field, String value) {
        if (value == null || value.isBlank()) {
            return Checked.refused(field, "is required");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            return Checked.refused(field, "must be at most " + MAX_NAME + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return Checked.refused(field, "must not contain control characters");
        }
        return Checked.ok(trimmed);
    }

    /** An IANA time-zone id such as {@code Europe/Lisbon} or {@code UTC}; offsets like {@code +02:00} are not zones. */
    public static Checked timezone(String field, String value) {
        if (value == null || value.isBlank()) {
            return Checked.refused(field, "is required");
        }
        String trimmed = value.strip();
        if (!ZONES.contains(trimmed)) {
            return Checked.refused(field, "must be an IANA time zone such as Europe/Lisbon or America/New_York");
        }
        return Checked.ok(trimmed);
    }

    /**
     * A BCP 47 language tag with a known language, e.g. {@code en}, {@code pt-BR}, {@code zh-Hant-TW},
     * returned in canonical case. Extensions and private-use subtags are refused: emails need a language, not a calendar.
     */
    public static Checked locale(String field, String value) {
        if (value == null || value.isBlank()) {
            return Checked.refused(field, "is required");
        }
        String trimmed = value.strip();
        Locale locale;
        try {
            locale = trimmed.length() > 35 ? null : new Locale.Builder().setLanguageTag(trimmed).build();
        } catch (IllformedLocaleException e) {
            locale = null;
        }
        if (locale == null || locale.getLanguage().isEmpty() || !locale.getExtensionKeys().isEmpty()
                || !locale.getVariant().isEmpty() || !knownLanguage(locale.getLanguage())) {
            return Checked.refused(field, "must be a BCP 47 language tag such as en, de or pt-BR");
        }
        return Checked.ok(locale.toLanguageTag());
    }

    private static boolean knownLanguage(String language) {
        if (LANGUAGES.contains(language)) {
            return true;
        }
        // Three-letter codes (fil, haw, ...) are known when Java has a locale for them.
        return language.length() == 3 && List.of(Locale.getAvailableLocales()).stream()
                .anyMatch(l -> l.getLanguage().equals(language));
    }
}
