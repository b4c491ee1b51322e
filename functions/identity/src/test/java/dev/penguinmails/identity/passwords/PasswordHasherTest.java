package dev.penguinmails.identity.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(19_456, 2, 1);

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String a = hasher.hash("correct horse battery staple");
        String b = hasher.hash("correct horse battery staple");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.matches("correct horse battery staple", a)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", a)).isFalse();
    }

    @Test
    void weakerStoredParametersAskForARehash() {
        String old = hasher.hash("correct horse battery staple");
        assertThat(new PasswordHasher(65_536, 3, 1).needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void refusesParametersBelowTheOwaspMinimum() {
        assertThatThrownBy(() -> new PasswordHasher(4096, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
