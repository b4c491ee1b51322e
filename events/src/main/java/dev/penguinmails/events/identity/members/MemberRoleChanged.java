package dev.penguinmails.events.identity.members;

import io.micronaut.serde.annotation.Serdeable;

/** {@code member.role_changed}: a member's role changed (owner, admin, billing_admin, member or viewer). */
@Serdeable
public record MemberRoleChanged(String userId, String previousRole, String role, String actorId) { }
