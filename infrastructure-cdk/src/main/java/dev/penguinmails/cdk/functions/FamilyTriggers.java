package dev.penguinmails.cdk.functions;

import java.util.List;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.cdk.messaging.DeadLetters;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.DeploymentHandler;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.triggers.InvocationType;
import software.amazon.awscdk.triggers.Trigger;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What invokes a family besides HTTP: an SQS event source mapping per queue handler (with partial
 * batch failure reporting and the handler's maximum concurrency) and an EventBridge schedule rule per
 * scheduled handler, all on the {@value FunctionFamily#ALIAS} alias. A scheduled run that cannot be
 * delivered or still fails after its retries lands in one of the {@link DeadLetters}. Each deployment handler
 * gets a CloudFormation trigger (decision 0075).
 */
public final class FamilyTriggers {

    /** The logical-id prefix of the Lambda CDK adds to a stack with triggers: it invokes the deployment steps. */
    public static final String TRIGGER_PROVIDER = "AWSCDKTriggerCustomResourceProvider";

    private FamilyTriggers() { }

    public static void wire(Construct scope, FunctionFamily family, Topology topology, FamilyResources resources,
                            DeploymentStage stage) {
        FunctionSpec spec = family.spec();
        for (QueueHandler handler : spec.queueHandlers()) {
            // The topology has checked the queue's visibility timeout against the function's timeout.
            IQueue queue = resources.queue(handler.queue());
            SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                    .batchSize(handler.batchSize())
                    .reportBatchItemFailures(true)
                    .maxConcurrency(handler.maximumConcurrency())
                    .enabled(true);
            if (handler.maxBatchingWindowSeconds() > 0) {
                source.maxBatchingWindow(Duration.seconds(handler.maxBatchingWindowSeconds()));
            }
            // Also grants the family's role the consume actions on this queue, and on nothing else.
            family.alias(handler).addEventSource(source.build());
            Suppressions.accept(family.alias(handler), "Serverless-LambdaEventSourceMappingDestination",
                    "Lambda offers on-failure destinations for stream and Kafka mappings, not SQS: a message that "
                    + "keeps failing goes to the queue's own dead-letter queue through its redrive policy");
        }
        for (ScheduledHandler handler : spec.scheduledHandlers()) {
            Rule.Builder.create(scope, ConstructIds.of(handler.name(), "schedule"))
                    .ruleName(stage.functionName(spec, handler))
                    .description("Runs " + spec.family() + " " + handler.name() + " " + handler.scheduleExpression())
                    .schedule(Schedule.expression(handler.scheduleExpression()))
                    .targets(List.of(LambdaFunction.Builder.create(family.alias(handler))
                            .retryAttempts(DeadLetters.INVOCATION_RETRY_ATTEMPTS)
                            .maxEventAge(DeadLetters.INVOCATION_MAX_AGE)
                            .deadLetterQueue(resources.deadLetters().undeliveredEvents())
                            .build()))
                    .build();
            // EventBridge invokes asynchronously: a run that fails after Lambda's retries is kept, not dropped.
            family.alias(handler).configureAsyncInvoke(EventInvokeConfigOptions.builder()
                    .retryAttempts(DeadLetters.INVOCATION_RETRY_ATTEMPTS)
                    .maxEventAge(DeadLetters.INVOCATION_MAX_AGE)
                    .onFailure(new SqsDestination(resources.deadLetters().failedInvocations()))
                    .build());
        }
        for (DeploymentHandler handler : spec.deploymentHandlers()) {
            // Runs the step's current version once per deployment that changes it, after the family's permissions
            // exist; CloudFormation waits for it, and a failed step fails (and rolls back) the deployment.
            Trigger trigger = Trigger.Builder.create(scope, ConstructIds.of(handler.name(), "trigger"))
                    .handler(family.function(handler))
                    .executeOnHandlerChange(true)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .timeout(Duration.seconds(spec.timeoutSeconds()))
                    .build();
            trigger.getNode().addDependency(family.permissions());
        }
    }
}
