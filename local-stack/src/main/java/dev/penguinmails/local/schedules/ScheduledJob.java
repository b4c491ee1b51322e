package dev.penguinmails.local.schedules;

import dev.penguinmails.local.functions.HandlerInvoker;

/**
 * One scheduled handler, ready to fire.
 *
 * @param family        the function family, e.g. {@code sending}
 * @param name          the entry point's name, e.g. {@code sequence-tick}
 * @param ruleArn       the schedule rule's ARN, sent in the event's {@code resources}
 * @param periodSeconds the rate, from the handler's {@code rate(...)} expression
 */
public record ScheduledJob(String family, String name, String handlerClass, String ruleArn, long periodSeconds,
                           HandlerInvoker invoker) {
}
