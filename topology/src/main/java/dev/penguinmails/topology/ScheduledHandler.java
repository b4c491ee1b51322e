package dev.penguinmails.topology;

import java.util.regex.Pattern;

/**
 * A job fired by an EventBridge schedule. Only {@code rate(N minute|minutes|hour|hours|day|days)}
 * expressions are used, so that the local stack can fire them exactly as AWS does.
 */
public record ScheduledHandler(String name, String handlerClass, String scheduleExpression) implements EntryPoint {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    public ScheduledHandler {
        Names.requireLogicalName(name);
        if (!RATE.matcher(scheduleExpression).matches()) {
            throw new IllegalArgumentException("unsupported schedule expression for " + name + ": " + scheduleExpression);
        }
    }

    /** The interval between runs, in seconds. */
    public long periodSeconds() {
        var m = RATE.matcher(scheduleExpression);
        if (!m.matches()) {
            throw new IllegalStateException(scheduleExpression);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> n * 60;
            case "hour", "hours" -> n * 3600;
            default -> n * 86_400;
        };
    }
}
