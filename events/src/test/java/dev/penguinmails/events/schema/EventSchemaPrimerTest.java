package dev.penguinmails.events.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class EventSchemaPrimerTest {

    @Test
    void theWellFormedPrimingEnvelopeConformsSoPrimingSucceeds() {
        SchemaValidator validator = new SchemaValidator();

        assertThat(validator.primeEnvelope()).isEmpty();
        assertThatCode(new EventSchemaPrimer(validator)::prime).doesNotThrowAnyException();
    }
}
