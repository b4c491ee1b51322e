package dev.penguinmails.shared.priming;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A primer whose bean cannot be created, as one missing its configuration; only where a test switches it on. */
@Singleton
@Requires(property = UncreatablePrimer.ENABLED, value = "true")
final class UncreatablePrimer implements Primer {
    static final String ENABLED = "penguinmails.test.uncreatable-primer";

    UncreatablePrimer() {
        throw new IllegalStateException("no table");
    }

    @Override
    public String name() {
        return "uncreatable";
    }

    @Override
    public void prime() {
        throw new AssertionError("never created");
    }
}
