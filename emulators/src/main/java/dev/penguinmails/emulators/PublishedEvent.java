package dev.penguinmails.emulators;

import java.time.Instant;
import java.util.List;

/**
 * An event the local EventBridge accepted, as its producer sent it and as targets received it, so
 * that tests can check what was really published without mocking the SDK.
 *
 * @param eventBus     the bus name the entry went to
 * @param eventJson    the standard EventBridge event JSON that targets received
 * @param matchedRules the rules whose pattern matched it (empty if none did)
 */
public record PublishedEvent(String eventBus, String eventId, String source, String detailType, String detail,
                             List<String> resources, Instant time, String eventJson, List<String> matchedRules) {
    public PublishedEvent {
        resources = List.copyOf(resources);
        matchedRules = List.copyOf(matchedRules);
    }
}
