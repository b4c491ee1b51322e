package dev.penguinmails.local;

/** The local stack cannot start or run; the message is one sentence a person can act on. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
