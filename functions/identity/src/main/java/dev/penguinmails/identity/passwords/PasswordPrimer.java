package dev.penguinmails.identity.passwords;

import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.shared.priming.Primer;
import java.util.List;

/**
 * Loads what signup, login and password changes need before the first of them arrives: the strength
 * estimator's dictionaries (about 0.2 s), the email-format schema, and the native Argon2 library. It needs
 * no beans, so it is listed in {@code META-INF/services} and starts with the context (shared's EarlyPriming).
 */
public final class PasswordPrimer implements Primer {

    @Override
    public String name() {
        return "passwords";
    }

    @Override
    public void prime() {
        new PasswordPolicy().problems("priming-Quarterly-violet-42", List.of("priming@example.com", "Priming"));
        EmailAddress.isValid("priming@example.com");
        PasswordHasher.loadNativeLibrary();
    }
}
