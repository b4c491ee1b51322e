package dev.penguinmails.billing.webhooks;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class StripeFetchPrimerTest {

    @Test
    void primingBindsTheCannedSubscriptionAndInvoiceWithoutTheNetwork() {
        // Its API base is a closed port: a call that reached the network, or an answer bound differently, would throw.
        assertThatCode(new StripeFetchPrimer()::prime).doesNotThrowAnyException();
    }
}
