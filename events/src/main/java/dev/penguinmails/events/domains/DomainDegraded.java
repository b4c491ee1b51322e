package dev.penguinmails.events.domains;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code domain.degraded}: a verified domain lost a record it needs; problems name them. */
@Serdeable
public record DomainDegraded(DomainState state, @Nullable List<String> problems) {
    public DomainDegraded {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
