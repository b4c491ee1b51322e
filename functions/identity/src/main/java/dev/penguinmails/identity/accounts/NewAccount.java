package dev.penguinmails.identity.accounts;

import java.util.Objects;

/** What a new account starts with, already checked; the password only as its Argon2id hash. */
public record NewAccount(EmailAddress email, String name, String passwordHash, String timezone, String locale,
                         String workspaceName) {
    public NewAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(workspaceName, "workspaceName");
    }
}
