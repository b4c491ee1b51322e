package dev.penguinmails.events.domains;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code domain.failed}: a domain that never verified still fails; problems name what is missing. */
@Serdeable
public record DomainFailed(DomainState state, @Nullable List<String> problems) {
    public DomainFailed {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
