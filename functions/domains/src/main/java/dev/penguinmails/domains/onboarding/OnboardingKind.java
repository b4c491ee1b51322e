package dev.penguinmails.domains.onboarding;

import java.util.Locale;

/** What a file onboards: one domain per row, or one mailbox per row. */
public enum OnboardingKind {
    DOMAINS,
    MAILBOXES;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
