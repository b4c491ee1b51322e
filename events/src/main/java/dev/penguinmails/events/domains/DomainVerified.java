package dev.penguinmails.events.domains;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code domain.verified}: every record checked out. */
@Serdeable
public record DomainVerified(DomainState state, @Nullable List<String> problems) {
    public DomainVerified {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
