package dev.penguinmails.cdk.messaging;

import java.util.List;
import java.util.Map;

import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The custom event bus and the topology's rules on it, each delivering matching events to its
 * queues. Rules are {@link CfnRule}s so the deployed pattern is the topology's JSON, untouched.
 */
public final class EventRouting extends Construct {

    private final EventBus bus;

    public EventRouting(Construct scope, String id, Topology topology, DeploymentStage stage,
                        Map<String, IQueue> queues, DeadLetters deadLetters) {
        super(scope, id);
        this.bus = EventBus.Builder.create(this, "Bus").eventBusName(stage.eventBusName(topology.eventBus())).build();
        topology.rules().forEach(rule -> route(rule, stage, queues, deadLetters));
    }

    /** The custom bus every function publishes its domain events to. */
    public IEventBus bus() {
        return bus;
    }

    private void route(RuleSpec spec, DeploymentStage stage, Map<String, IQueue> queues, DeadLetters deadLetters) {
        List<IQueue> targets = spec.targetQueues().stream().map(queues::get).toList();
        CfnRule rule = CfnRule.Builder.create(this, ConstructIds.of(spec.name(), "rule"))
                .name(stage.resourceName(spec.name()))
                .eventBusName(bus.getEventBusName())
                .eventPattern(EventPatterns.parse(spec.name(), spec.eventPattern()))
                .state("ENABLED")
                .targets(targets.stream().map(queue -> CfnRule.TargetProperty.builder()
                        .id(queue.getNode().getId())
                        .arn(queue.getQueueArn())
                        .retryPolicy(DeadLetters.ruleRetryPolicy())
                        .deadLetterConfig(deadLetters.ruleDeadLetterConfig())
                        .build()).toList())
                .build();
        allowRule(rule, deadLetters.undeliveredEvents(), "DeadLetters" + ConstructIds.of(spec.name()));
        for (IQueue queue : targets) {
            allowRule(rule, queue, ConstructIds.of(spec.name()));
        }
    }

    // Only this rule may deliver to the queue: the same guard the L2 SqsQueue target writes.
    private static void allowRule(CfnRule rule, IQueue queue, String sidSuffix) {
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowEventBridgeRule" + sidSuffix)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", rule.getAttrArn())))
                .build());
    }
}
