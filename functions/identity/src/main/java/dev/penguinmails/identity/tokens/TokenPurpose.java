package dev.penguinmails.identity.tokens;

import java.time.Duration;

/** What a one-time token proves, and how long it may be used for. */
public enum TokenPurpose {
    /** The person reads mail at the address (24 hours). */
    EMAIL_VERIFICATION(Duration.ofHours(24)),
    /** The person may set a new password (1 hour: it is as good as the password). */
    PASSWORD_RESET(Duration.ofHours(1)),
    /** The person reads mail at the new address they asked to switch to (24 hours). */
    EMAIL_CHANGE(Duration.ofHours(24));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
