package dev.penguinmails.identity.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
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

    @Test
    void refusesControlCharactersButAcceptsEveryPrintableCharacter() {
        for (String control : List.of("\t", "\n", "\r", "\u0000", "\u001b", "\u007f", "\u0085", "\u009f")) {
            String password = "violet-tractor" + control + "sings-Quarterly-42";
            assertThat(policy.problems(password, List.of())).as("U+%04X", (int) control.charAt(0))
                    .containsExactly("Do not use control characters such as tabs, line breaks or escape codes.");
            assertThatThrownBy(() -> policy.requireStrong("password", password, List.of()))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.type().slug()).isEqualTo("validation-failed");
                        assertThat(p.errors()).containsExactly(new FieldError("password", PasswordPolicy.CONTROL_CHARACTERS));
                    });
        }
        assertThat(policy.problems("violet tractör sings 🐧 Quarterly\u00a042\u200d", List.of())).isEmpty();
    }
}
