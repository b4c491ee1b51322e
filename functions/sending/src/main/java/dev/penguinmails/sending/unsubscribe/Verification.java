package dev.penguinmails.sending.unsubscribe;

/** The outcome of reading an unsubscribe token: {@link Valid}, or {@link Rejected} with the reason. */
public sealed interface Verification {

    record Valid(UnsubscribeToken token) implements Verification { }

    /** Nothing may change on a rejected token; the page shows a friendly note, the log the reason. */
    record Rejected(Reason reason) implements Verification { }

    enum Reason {
        /** Not a token of ours: wrong shape, bad base64, truncated. */
        MALFORMED,
        /** Signed with a key id we no longer (or never) had: rotated out, or forged. */
        UNKNOWN_KEY,
        /** The signature does not match: tampered with. */
        BAD_SIGNATURE,
        /** Authentic but past its expiry. */
        EXPIRED
    }
}
