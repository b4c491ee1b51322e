package dev.penguinmails.cdk.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The topology's S3 buckets: private, encrypted, TLS only, versioned, expiring as the model says, each
 * writing S3 server access logs to one access-log bucket under its own prefix.
 */
public final class ObjectBuckets extends Construct {

    /** How long server access logs are kept outside production, and in production. */
    public static final int ACCESS_LOG_DAYS = 90;
    /** The id prefix of CDK's singleton bucket-notification handler in the stack. */
    public static final String NOTIFICATION_HANDLER = "BucketNotificationsHandler";
    public static final int PRODUCTION_ACCESS_LOG_DAYS = 365;

    private final Map<String, IBucket> byLogicalName = new LinkedHashMap<>();
    private final Optional<IBucket> accessLogs;

    public ObjectBuckets(Construct scope, String id, Topology topology, DeploymentStage stage) {
        super(scope, id);
        this.accessLogs = topology.buckets().isEmpty() ? Optional.empty() : Optional.of(accessLogBucket(stage));
        topology.buckets().forEach(spec -> byLogicalName.put(spec.name(), bucket(spec, stage)));
    }

    /**
     * Sends each bucket's object-created events to the queue its spec names (S3 event notifications; CDK adds the
     * queue policy that lets S3 send).
     */
    public void notifyQueues(Topology topology, Map<String, software.amazon.awscdk.services.sqs.IQueue> queues) {
        for (BucketSpec spec : topology.buckets()) {
            spec.objectCreatedQueue().ifPresent(queue -> byLogicalName.get(spec.name()).addEventNotification(
                    software.amazon.awscdk.services.s3.EventType.OBJECT_CREATED,
                    new software.amazon.awscdk.services.s3.notifications.SqsDestination(queues.get(queue))));
        }
        acceptNotificationHandler();
    }

    /** CDK configures notifications through its own singleton handler Lambda, which only writes its own logs. */
    private void acceptNotificationHandler() {
        Stack.of(this).getNode().getChildren().stream()
                .filter(child -> child.getNode().getId().startsWith(NOTIFICATION_HANDLER))
                .forEach(handler -> Suppressions.accept(handler, "AwsSolutions-IAM4", "CDK's bucket-notification "
                        + "handler runs only while the stack deploys; the managed policy lets it write its own logs"));
    }

    /** The bucket the others write their server access logs to, if there are other buckets. */
    public Optional<IBucket> accessLogs() {
        return accessLogs;
    }

    /** The deployed buckets, keyed by the topology's logical name, in topology order. */
    public Map<String, IBucket> byLogicalName() {
        return Collections.unmodifiableMap(byLogicalName);
    }

    // No bucketName: S3 names are global, so CloudFormation picks a unique one and functions read it from the env.
    private Bucket bucket(BucketSpec spec, DeploymentStage stage) {
        return Bucket.Builder.create(this, ConstructIds.of(spec.name()))
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(lifecycle(spec))
                .serverAccessLogsBucket(accessLogs.orElseThrow())
                .serverAccessLogsPrefix(spec.name() + "/")
                .removalPolicy(stage.dataRemovalPolicy())
                // Outside production a stack deletion must not stall on a non-empty bucket.
                .autoDeleteObjects(!stage.production())
                .build();
    }

    // S3 delivers access logs only to SSE-S3 buckets, and grants itself the writes through the bucket policy.
    private Bucket accessLogBucket(DeploymentStage stage) {
        int days = stage.production() ? PRODUCTION_ACCESS_LOG_DAYS : ACCESS_LOG_DAYS;
        Bucket logs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-after-" + days + "-days")
                        .expiration(Duration.days(days)).build()))
                .removalPolicy(stage.dataRemovalPolicy())
                .autoDeleteObjects(!stage.production())
                .build();
        // AwsSolutions-S1 passes it as the other buckets' log target: logging it too would log each delivery.
        return logs;
    }

    private static List<LifecycleRule> lifecycle(BucketSpec spec) {
        List<LifecycleRule> rules = new ArrayList<>();
        rules.add(LifecycleRule.builder().id("abort-incomplete-uploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(1)).build());
        if (spec.expireAfterDays() > 0) {
            // Versioning turns an expiry into a delete marker, so the old versions need an expiry of their own.
            rules.add(LifecycleRule.builder().id("expire-after-" + spec.expireAfterDays() + "-days")
                    .expiration(Duration.days(spec.expireAfterDays()))
                    .noncurrentVersionExpiration(Duration.days(1))
                    .build());
        }
        return rules;
    }
}
