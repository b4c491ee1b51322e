package dev.penguinmails.identity.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortLongAndCommonPasswordsWithReasons() {
        assertThat(policy.problems("short", List.of())).containsExactly("Use at least 8 characters.");
        assertThat(policy.problems("a".repeat(129), List.of())).containsExactly("Use at most 128 characters.");
        assertThat(policy.problems("password123", List.of())).isNotEmpty();
        assertThat(policy.problems("qwertyuiop", List.of())).isNotEmpty();
    }

    @Test
    void refusesPasswordsBuiltFromTheAccountsOwnNameOrEmail() {
        List<String> personal = List.of("maria.gonzalez@acme-sales.com", "Maria Gonzalez");
        assertThat(policy.problems("gonzalezacmesales", personal)).isNotEmpty();
    }

    @Test
    void acceptsALongUnpredictablePassphrase() {
        assertThat(policy.problems("violet-tractor-sings-Quarterly-42", List.of("maria@acme.com"))).isEmpty();
    }
}
