package dev.penguinmails.events.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some events were still not accepted by EventBridge after every retry. The others of the same call
 * were published; {@link #failures()} names exactly the ones that were not, so the caller can keep
 * them (e.g. in an outbox) or fail its own request.
 */
public class EventPublishException extends RuntimeException {
    private final List<Failure> failures;

    public EventPublishException(String bus, int total, List<Failure> failures) {
        super(failures.size() + " of " + total + " events were not published to event bus '" + bus + "': "
                + failures.stream().map(Failure::toString).collect(Collectors.joining(", ")));
        this.failures = List.copyOf(failures);
    }

    public List<Failure> failures() {
        return failures;
    }

    /** The {@code eventId}s of the events that were not published. */
    public List<String> failedEventIds() {
        return failures.stream().map(Failure::eventId).toList();
    }

    /** One event that was not published, with EventBridge's last error for it. */
    public record Failure(String eventId, String errorCode, String errorMessage, int attempts) {
        @Override
        public String toString() {
            return eventId + " (" + errorCode + ": " + errorMessage + ", " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")";
        }
    }
}
