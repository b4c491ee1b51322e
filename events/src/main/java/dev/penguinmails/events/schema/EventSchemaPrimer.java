package dev.penguinmails.events.schema;

import dev.penguinmails.shared.priming.Primer;
import java.util.List;

/**
 * Loads the event-schema validator (JSON Schema and its JSON library, several hundred classes) early in init,
 * on the early-priming thread, so that neither the first event a function publishes nor the first it consumes
 * waits for it. It validates through a validator of its own: what it warms is the classes, which every
 * validator shares. It needs no beans, so it is listed in {@code META-INF/services} (see
 * {@code EarlyPriming}).
 */
public class EventSchemaPrimer implements Primer {
    private final SchemaValidator validator;

    public EventSchemaPrimer() {
        this(new SchemaValidator());
    }

    EventSchemaPrimer(SchemaValidator validator) {
        this.validator = validator;
    }

    @Override
    public String name() {
        return "event-schemas";
    }

    @Override
    public int getOrder() {
        // After the SDK's primer: a first call that finds no SDK classes waits longer than one without schemas.
        return HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public void prime() {
        List<String> violations = validator.primeEnvelope();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the priming envelope breaks envelope.json: " + violations);
        }
    }
}
