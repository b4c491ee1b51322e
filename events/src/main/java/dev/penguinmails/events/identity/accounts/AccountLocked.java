package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.locked}: too many failed logins; {@code lockedUntil} is ISO-8601 UTC. */
@Serdeable
public record AccountLocked(String userId, String email, String name, String locale, String timezone,
                            String lockedUntil, int failedAttempts, String ip) { }
