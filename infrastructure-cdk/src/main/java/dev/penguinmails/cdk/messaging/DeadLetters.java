package dev.penguinmails.cdk.messaging;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Where AWS puts what it could not deliver, so that nothing accepted vanishes: events an EventBridge
 * rule could not hand to its target after its retries, and scheduled invocations that still failed
 * after Lambda's retries. Each queue keeps messages 14 days and raises an alarm on its first one.
 */
public final class DeadLetters extends Construct {

    /** EventBridge's own maximum: a target that is down for up to a day still gets the event. */
    public static final int EVENT_RETRY_ATTEMPTS = 185;
    public static final Duration EVENT_MAX_AGE = Duration.hours(24);
    /** Lambda's maximum for asynchronous invocations; a scheduled run older than its next tick is moot anyway. */
    public static final int INVOCATION_RETRY_ATTEMPTS = 2;
    public static final Duration INVOCATION_MAX_AGE = Duration.hours(1);
    static final Duration RETENTION = Duration.days(14);

    private static final String IS_A_DLQ = "This queue is itself a dead-letter queue: what lands here is kept "
            + "14 days for inspection and redriven by hand, so it needs no DLQ of its own";

    private final Queue undeliveredEvents;
    private final Queue failedInvocations;

    public DeadLetters(Construct scope, String id, DeploymentStage stage) {
        super(scope, id);
        this.undeliveredEvents = queue("undelivered-events", "events an EventBridge rule could not deliver", stage);
        this.failedInvocations = queue("failed-invocations", "scheduled Lambda invocations that failed", stage);
    }

    /** The dead-letter queue of every EventBridge rule target. */
    public IQueue undeliveredEvents() {
        return undeliveredEvents;
    }

    /** The on-failure destination of every asynchronously invoked (scheduled) function. */
    public IQueue failedInvocations() {
        return failedInvocations;
    }

    /** The dead-letter settings of an L1 rule target. */
    public CfnRule.DeadLetterConfigProperty ruleDeadLetterConfig() {
        return CfnRule.DeadLetterConfigProperty.builder().arn(undeliveredEvents.getQueueArn()).build();
    }

    /** The retry settings of an L1 rule target, made explicit rather than left to EventBridge's defaults. */
    public static CfnRule.RetryPolicyProperty ruleRetryPolicy() {
        return CfnRule.RetryPolicyProperty.builder()
                .maximumRetryAttempts(EVENT_RETRY_ATTEMPTS)
                .maximumEventAgeInSeconds(EVENT_MAX_AGE.toSeconds())
                .build();
    }

    /** Tells the rule packs that {@code queue} is a dead-letter queue, which needs no redrive policy of its own. */
    public static void acceptAsDeadLetterQueue(IQueue queue) {
        Suppressions.accept(queue, "AwsSolutions-SQS3", IS_A_DLQ);
        Suppressions.accept(queue, "Serverless-SQSRedrivePolicy", IS_A_DLQ);
    }

    // SQS-managed keys: EventBridge and Lambda can deliver to them without a KMS key policy.
    private Queue queue(String logicalName, String contents, DeploymentStage stage) {
        Queue queue = Queue.Builder.create(this, ConstructIds.of(logicalName))
                .queueName(stage.resourceName(logicalName))
                .retentionPeriod(RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        acceptAsDeadLetterQueue(queue);
        Alarm.Builder.create(this, ConstructIds.of(logicalName, "alarm"))
                .alarmName(stage.resourceName(logicalName) + "-not-empty")
                .alarmDescription("There are " + contents + " in " + stage.resourceName(logicalName))
                .metric(queue.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        return queue;
    }
}
