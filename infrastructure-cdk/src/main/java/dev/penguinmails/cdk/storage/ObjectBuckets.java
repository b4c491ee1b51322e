package dev.penguinmails.cdk.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/** The topology's S3 buckets: private, encrypted, TLS only, versioned, expiring as the model says. */
public final class ObjectBuckets extends Construct {

    private final Map<String, IBucket> byLogicalName = new LinkedHashMap<>();

    public ObjectBuckets(Construct scope, String id, Topology topology, DeploymentStage stage) {
        super(scope, id);
        topology.buckets().forEach(spec -> byLogicalName.put(spec.name(), bucket(spec, stage)));
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
                .removalPolicy(stage.dataRemovalPolicy())
                // Outside production a stack deletion must not stall on a non-empty bucket.
                .autoDeleteObjects(!stage.production())
                .build();
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
