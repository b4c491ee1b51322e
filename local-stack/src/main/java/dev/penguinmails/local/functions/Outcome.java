package dev.penguinmails.local.functions;

import java.time.Duration;

/** How one Lambda invocation ended, as the service that invoked it sees it. */
public sealed interface Outcome {

    Duration took();

    /** The handler returned; {@code responseJson} is its serialized result. */
    record Succeeded(String responseJson, Duration took) implements Outcome { }

    /** The handler threw (or could not be initialized), as Lambda's {@code errorType}/{@code errorMessage}. */
    record Failed(String errorType, String errorMessage, Duration took) implements Outcome { }

    /** The handler did not return within {@code limit}; Lambda would have stopped it. */
    record TimedOut(Duration limit, Duration took) implements Outcome { }
}
