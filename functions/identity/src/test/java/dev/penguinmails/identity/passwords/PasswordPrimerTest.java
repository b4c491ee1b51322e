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

        // It fails if libargon2 cannot be loaded for this platform or a dictionary is missing.
        assertThatCode(primer::prime).doesNotThrowAnyException();
        assertThat(primer.name()).isEqualTo("passwords");
    }

    @Test
    void isListedForEarlyPriming() {
        assertThat(ServiceLoader.load(Primer.class).stream().map(ServiceLoader.Provider::type))
                .contains(PasswordPrimer.class);
    }
}
