package dev.penguinmails.identity.accesstokens;

/** A token that is malformed, expired, revoked, or not signed by us. The message is safe to show. */
public class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
        super(message);
    }
}
