package dev.penguinmails.shared.idempotency;

/** What {@link IdempotencyStore#claim} found for a key. */
public sealed interface Claim {
    /** The key is ours to process; {@code token} proves it when completing or releasing. */
    record Acquired(String token) implements Claim { }

    /** The request was already answered; here is the answer. */
    record Completed(StoredResponse response) implements Claim { }

    /** The same request is being processed right now. */
    record InProgress() implements Claim { }

    /** The key was used for a request with a different body. */
    record Mismatch() implements Claim { }
}
