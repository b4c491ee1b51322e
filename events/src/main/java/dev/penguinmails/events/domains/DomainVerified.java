package dev.penguinmails.events.domains;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code domain.verified}: every record checked out. */
@Serdeable
public record DomainVerified(DomainState state, List<String> problems) { }
