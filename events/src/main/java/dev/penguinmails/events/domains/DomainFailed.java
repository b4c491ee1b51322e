package dev.penguinmails.events.domains;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code domain.failed}: a domain that never verified still fails; problems name what is missing. */
@Serdeable
public record DomainFailed(DomainState state, List<String> problems) { }
