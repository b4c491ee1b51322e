package dev.penguinmails.cdk.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** The topology's SQS queues, each with its dead-letter queue; encrypted at rest and TLS only. */
public final class WorkQueues extends Construct {

    private final Map<String, IQueue> byLogicalName = new LinkedHashMap<>();

    public WorkQueues(Construct scope, String id, Topology topology, DeploymentStage stage) {
        super(scope, id);
        topology.queues().forEach(spec -> byLogicalName.put(spec.name(), queue(spec, stage)));
    }

    /** The deployed work queues (not their DLQs), keyed by the topology's logical name. */
    public Map<String, IQueue> byLogicalName() {
        return Collections.unmodifiableMap(byLogicalName);
    }

    // SQS-managed keys, not KMS: EventBridge can deliver to them without a key policy.
    private Queue queue(QueueSpec spec, DeploymentStage stage) {
        Queue deadLetters = Queue.Builder.create(this, ConstructIds.of(spec.deadLetterQueueName()))
                .queueName(spec.physicalName(stage.resourceName(spec.deadLetterQueueName())))
                // A FIFO queue's DLQ must be FIFO too; null leaves a standard queue's template unchanged.
                .fifo(spec.fifo() ? true : null)
                .retentionPeriod(Duration.seconds(QueueSpec.DLQ_RETENTION_SECONDS))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        DeadLetters.acceptAsDeadLetterQueue(deadLetters);
        return Queue.Builder.create(this, ConstructIds.of(spec.name()))
                .queueName(spec.physicalName(stage.resourceName(spec.name())))
                .fifo(spec.fifo() ? true : null)
                // Senders give a deduplication id (the Stripe event id), so the body is not hashed.
                .contentBasedDeduplication(spec.fifo() ? false : null)
                .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                .retentionPeriod(Duration.seconds(spec.retentionSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(spec.maxReceiveCount())
                        .build())
                .build();
    }
}
