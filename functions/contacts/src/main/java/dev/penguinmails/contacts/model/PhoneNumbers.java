package dev.penguinmails.contacts.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Phone numbers to E.164 ({@code +5511987654321}) with libphonenumber's metadata of every numbering plan. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() { }

    /**
     * The number in E.164. A number without a country code ({@code (415) 555-2671}) is read in
     * {@code defaultRegion} (ISO 3166 code, e.g. {@code US}); one with {@code +} or {@code 00} in its own.
     *
     * @throws IllegalArgumentException if it is no number, or no valid number of its country
     */
    public static String e164(String input, String defaultRegion) {
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(input.strip(), defaultRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("is not a phone number (" + reason(e) + ")");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new IllegalArgumentException("is not a valid number in " + regionOf(number, defaultRegion)
                    + "; give it in international form, e.g. +14155552671");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Whether {@code region} is a region libphonenumber knows, for checking the setting at startup. */
    public static boolean knownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    private static String regionOf(Phonenumber.PhoneNumber number, String defaultRegion) {
        String region = UTIL.getRegionCodeForNumber(number);
        return region == null ? "country code +" + number.getCountryCode() : region;
    }

    private static String reason(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short";
            case TOO_LONG -> "too long";
            default -> "no digits where a number was expected";
        };
    }
}
