package dev.penguinmails.events.identity.members;

import io.micronaut.serde.annotation.Serdeable;

/** {@code member.left}: the member left on their own. */
@Serdeable
public record MemberLeft(String userId, String role) { }
