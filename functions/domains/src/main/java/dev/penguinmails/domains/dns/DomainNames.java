package dev.penguinmails.domains.dns;

import java.util.Locale;

/** The one spelling of a domain name used to compare names: lower case, without trailing dot. */
public final class DomainNames {
    private DomainNames() {
    }

    /** {@code name} lower-cased, without its trailing dot. */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
