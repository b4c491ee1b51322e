package dev.penguinmails.events.domains;

import io.micronaut.serde.annotation.Serdeable;

/** {@code domain.removed}: the domain left the workspace; consumers drop their copy and its keys. */
@Serdeable
public record DomainRemoved(String domain, long version) { }
