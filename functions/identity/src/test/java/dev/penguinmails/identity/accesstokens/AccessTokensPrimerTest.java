package dev.penguinmails.identity.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.penguinmails.shared.priming.Primer;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AccessTokensPrimerTest {

    @Test
    void signsAndVerifiesAThrowawayToken() {
        // It throws if the token it signed does not verify.
        assertThatCode(new AccessTokensPrimer()::prime).doesNotThrowAnyException();
    }

    @Test
    void isListedForEarlyPrimingWithTheOtherPrimersOfEveryFunction() {
        assertThat(ServiceLoader.load(Primer.class).stream().map(ServiceLoader.Provider::type))
                .contains(AccessTokensPrimer.class)
                .anyMatch(type -> type.getSimpleName().equals("AwsSdkPrimer"))
                .anyMatch(type -> type.getSimpleName().equals("EventSchemaPrimer"));
    }
}
