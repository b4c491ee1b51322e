package dev.penguinmails.events.domains;

import io.micronaut.serde.annotation.Serdeable;

/** {@code domain.added}: a domain (ASCII form) joined the workspace, unverified. */
@Serdeable
public record DomainAdded(String domain, boolean subdomain, String dkimSelector, long version) { }
