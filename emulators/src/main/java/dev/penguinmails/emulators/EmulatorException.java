package dev.penguinmails.emulators;

/** An emulator could not be found, started or used; the message is one sentence a person can act on. */
public class EmulatorException extends RuntimeException {

    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
