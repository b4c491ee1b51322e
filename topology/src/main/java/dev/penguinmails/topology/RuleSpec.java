package dev.penguinmails.topology;

import java.util.List;

/**
 * An EventBridge rule on the custom bus: the event pattern, exactly as deployed, and the queues it
 * delivers matching events to.
 */
public record RuleSpec(String name, String eventPattern, List<String> targetQueues) {
    public RuleSpec {
        Names.requireLogicalName(name);
        if (eventPattern == null || !eventPattern.strip().startsWith("{")) {
            throw new IllegalArgumentException("rule " + name + " needs a JSON event pattern");
        }
        targetQueues = List.copyOf(targetQueues);
        if (targetQueues.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no target");
        }
    }
}
