package dev.penguinmails.shared.tenancy;

/** Who is calling: a person (JWT access token) or a machine (API key). */
public enum PrincipalKind {
    USER, API_KEY
}
