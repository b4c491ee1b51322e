package dev.penguinmails.billing.stripe;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class StripePrimerTest {

    @Test
    void primingBindsEveryCannedAnswerWithoutTheNetwork() {
        // Its API base is a closed port: a call that reached the network, or an answer stripe-java cannot bind,
        // would throw.
        assertThatCode(new StripePrimer()::prime).doesNotThrowAnyException();
    }
}
