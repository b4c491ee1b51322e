package dev.penguinmails.local.bench;

/** Why a probe could not measure anything, in one sentence, with the exit code the probe ends with. */
public final class ProbeException extends RuntimeException {
    /** Bad arguments, an unknown function or entry point, or no local stack to talk to. */
    public static final int USAGE = 2;
    /** The probe ran but had nothing to invoke (e.g. no message arrived). */
    public static final int FAILED = 1;

    private final int exitCode;

    public ProbeException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
