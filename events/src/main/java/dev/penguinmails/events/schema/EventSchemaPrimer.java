package dev.penguinmails.events.schema;

import dev.penguinmails.shared.priming.Primer;
import jakarta.inject.Singleton;
import java.util.List;

/** Loads the event-schema validator (JSON Schema and its JSON library) before the first event is published. */
@Singleton
public class EventSchemaPrimer implements Primer {
    private final SchemaValidator validator;

    public EventSchemaPrimer(SchemaValidator validator) {
        this.validator = validator;
    }

    @Override
    public String name() {
        return "event-schemas";
    }

    @Override
    public void prime() {
        List<String> violations = validator.primeEnvelope();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the priming envelope breaks envelope.json: " + violations);
        }
    }
}
