package dev.penguinmails.topology;

/** One Lambda handler of a function family. */
public sealed interface EntryPoint permits HttpApiHandler, QueueHandler, ScheduledHandler, AuthorizerHandler,
        DeploymentHandler {

    /** Unique within the family; the Lambda is named {@code <family>-<name>}. */
    String name();

    /** The fully qualified handler class, as Lambda's handler setting names it. */
    String handlerClass();
}
