package dev.penguinmails.identity.audit;

import dev.penguinmails.shared.tenancy.PrincipalKind;

/** Who did something that the audit trail records. */
public enum ActorKind {
    /** A person, by user id. */
    USER,
    /** An API key, by key id. */
    API_KEY,
    /** A scheduled job or consumer, e.g. the workspace purge. */
    SYSTEM,
    /** Nobody authenticated yet, e.g. a failed login; the actor id is then what they claimed. */
    ANONYMOUS;

    public static ActorKind of(PrincipalKind kind) {
        return kind == PrincipalKind.USER ? USER : API_KEY;
    }
}
