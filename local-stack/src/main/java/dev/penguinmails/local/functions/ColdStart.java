package dev.penguinmails.local.functions;

/** The first invocation of one Lambda: its init phase (class loading, Micronaut context) and the call itself. */
public record ColdStart(String functionName, long initMillis, long firstInvocationMillis) {
}
