package dev.penguinmails.shared.priming;

import io.micronaut.core.order.Ordered;

/**
 * Work a function does once, ahead of its first invocation, so that the invocation does not wait for it:
 * loading classes, dictionaries and native code, and opening the first connection to a service.
 * A primer must be safe to run more than once and must never read or change tenant data. Primers run one
 * after another; early ones ({@link EarlyPriming}) in their {@link #getOrder() order}.
 */
public interface Primer extends Ordered {

    /** What is primed, for logs (e.g. {@code password-policy}). */
    String name();

    /** Does the work; a failure is logged and never stops the function. */
    void prime() throws Exception;
}
