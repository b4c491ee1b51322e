package dev.penguinmails.identity.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.penguinmails.shared.priming.Primer;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PasswordPrimerTest {

    @Test
    void loadsTheEstimatorAndTheNativeHasherWithoutSideEffects() {
        PasswordPrimer primer = new PasswordPrimer();

        assertThatCode(primer::prime).doesNotThrowAnyException();
        assertThat(primer.name()).isEqualTo("passwords");
        // Priming hashes with the smallest cost; real hashes keep the configured parameters.
        assertThat(new PasswordHasher(19_456, 2, 1).hash("correct horse battery staple"))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void isListedForEarlyPriming() {
        assertThat(ServiceLoader.load(Primer.class).stream().map(ServiceLoader.Provider::type))
                .contains(PasswordPrimer.class);
    }
}
