package dev.penguinmails.emulators;

/**
 * An event the local EventBridge gave up delivering to one target queue after every retry; on AWS it would
 * go to the rule target's dead-letter queue.
 */
public record UndeliveredEvent(String eventBus, String eventId, String rule, String queueUrl, int attempts,
                               String lastError) { }
