package dev.penguinmails.local.functions;

/** Invokes one Lambda entry point with an event; what pollers, the scheduler and the HTTP API call. */
@FunctionalInterface
public interface HandlerInvoker {

    Outcome invoke(String eventJson);
}
