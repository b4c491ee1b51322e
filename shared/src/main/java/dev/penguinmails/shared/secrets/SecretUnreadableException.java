package dev.penguinmails.shared.secrets;

/** A sealed secret that does not open: altered, truncated, or sealed for another workspace, purpose or key. */
public class SecretUnreadableException extends RuntimeException {
    public SecretUnreadableException(String message) {
        super(message, null, false, false);
    }
}
