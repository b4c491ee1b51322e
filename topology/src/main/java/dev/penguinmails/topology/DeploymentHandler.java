package dev.penguinmails.topology;

/**
 * A step that runs once per deployment, after the resources it uses exist and before the new code serves
 * anything: schema migrations of a query model, for instance, which would otherwise run in every Lambda's init
 * (decision 0075). On AWS a CloudFormation trigger invokes it, and a failure fails the deployment; the local
 * stack runs it once at its start, before it serves a request or polls a queue. It gets an empty JSON object
 * and must be safe to run again (a second run with nothing to do changes nothing).
 */
public record DeploymentHandler(String name, String handlerClass) implements EntryPoint {

    public DeploymentHandler {
        Names.requireLogicalName(name);
    }
}
