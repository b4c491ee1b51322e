package dev.penguinmails.events.identity.members;

import io.micronaut.serde.annotation.Serdeable;

/** {@code member.removed}: an admin or owner removed the member. */
@Serdeable
public record MemberRemoved(String userId, String role, String actorId) { }
