package dev.penguinmails.sending.messages;

import io.micronaut.core.annotation.Nullable;

/** An email address with an optional display name (encoded per RFC 2047 when it is not ASCII). */
public record Address(String email, @Nullable String name) {
    public Address {
        if (email == null || email.isBlank() || email.indexOf('@') < 1 || email.contains("\r") || email.contains("\n")) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
    }

    public static Address of(String email) {
        return new Address(email, null);
    }

    /** The part after the '@', e.g. the sending domain of a From address. */
    public String domain() {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}
