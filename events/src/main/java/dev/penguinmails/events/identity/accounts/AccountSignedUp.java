package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/**
 * Payload of {@code account.signed_up}: who signed up and where, enough for an email consumer to send a
 * welcome and verification mail in the person's language. It carries no token or secret: events are
 * stored and fanned out widely, so the consumer asks identity for a fresh verification link instead.
 *
 * @param locale BCP 47 language tag the person chose, e.g. {@code en} or {@code pt-BR}
 */
@Serdeable
public record AccountSignedUp(String accountId, String userId, String email, String name, String workspaceName,
                              String locale) {
    public AccountSignedUp {
        requireText(accountId, "accountId");
        requireText(userId, "userId");
        requireText(email, "email");
        requireText(name, "name");
        requireText(workspaceName, "workspaceName");
        requireText(locale, "locale");
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
