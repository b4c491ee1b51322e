package dev.penguinmails.events.testing;

import dev.penguinmails.events.EventType;
import io.micronaut.serde.annotation.Serdeable;

/** A payload of a type that is not in EventTypes, as a function may declare for itself (schema in test resources). */
@Serdeable
public record ThingHappened(String what) {
    public static final EventType<ThingHappened> TYPE =
            new EventType<>("testing.thing_happened", "penguinmails.identity", 1, ThingHappened.class);
}
