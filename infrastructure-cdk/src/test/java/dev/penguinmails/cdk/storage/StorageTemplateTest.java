package dev.penguinmails.cdk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.TableSpec;
import software.amazon.awscdk.assertions.Match;

class StorageTemplateTest {

    @Test
    void everyTopologyTableIsOnDemandWithRecoveryEncryptionTtlAndIndexes() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            assertThat(s.json().resources("AWS::DynamoDB::Table")).hasSameSizeAs(s.topology().tables());
            for (TableSpec spec : s.topology().tables()) {
                String id = s.json().logicalIdByName("AWS::DynamoDB::Table", "TableName", s.stage().resourceName(spec.name()));
                JsonNode table = s.json().properties(id);
                assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
                assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
                assertThat(table.at("/SSESpecification/SSEEnabled").asBoolean()).isTrue();
                // AWS-managed encryption: no customer key named.
                assertThat(table.at("/SSESpecification/KMSMasterKeyId").isMissingNode()).isTrue();
                assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo(spec.ttlAttribute());
                assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
                assertThat(keys(table.path("KeySchema"))).containsExactly(spec.partitionKey(), spec.sortKey());
                assertThat(table.path("AttributeDefinitions"))
                        .allSatisfy(a -> assertThat(a.path("AttributeType").asText()).isEqualTo("S"));
                assertThat(TemplateJson.oneOrMany(table.path("GlobalSecondaryIndexes")))
                        .hasSameSizeAs(spec.indexes())
                        .allSatisfy(gsi -> assertThat(gsi.at("/Projection/ProjectionType").asText()).isEqualTo("ALL"));
                for (TableSpec.IndexSpec index : spec.indexes()) {
                    JsonNode gsi = TemplateJson.oneOrMany(table.path("GlobalSecondaryIndexes")).stream()
                            .filter(g -> g.path("IndexName").asText().equals(index.name())).findFirst().orElseThrow();
                    assertThat(keys(gsi.path("KeySchema"))).containsExactly(index.partitionKey(), index.sortKey());
                }
            }
        }
    }

    @Test
    void aBucketThatNotifiesAQueueSendsItsObjectCreatedEvents() {
        Synthesized s = SynthesizedStacks.penguinMails();
        BucketSpec imports = s.topology().buckets().stream().filter(b -> b.objectCreatedQueue().isPresent())
                .findFirst().orElseThrow();
        assertThat(imports.objectCreatedQueue()).contains("contacts-imports");
        s.template().resourceCountIs("Custom::S3BucketNotifications", 1);
        s.template().hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Match.objectLike(Map.of("QueueConfigurations", List.of(Match.objectLike(
                        Map.of("Events", List.of("s3:ObjectCreated:*")))))))));
        s.template().hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "s3.amazonaws.com"))))))))));
    }

    @Test
    void productionKeepsTablesAndBucketsAndOtherStagesDeleteThem() {
        Synthesized prod = SynthesizedStacks.sample();
        assertThat(prod.stage().production()).isTrue();
        prod.template().allResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", true))));
        prod.template().allResources("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
        prod.template().resourceCountIs("Custom::S3AutoDeleteObjects", 0);

        Synthesized dev = SynthesizedStacks.penguinMails();
        assertThat(dev.stage().production()).isFalse();
        dev.template().allResources("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete"));
        dev.template().allResources("AWS::S3::Bucket", Map.of("DeletionPolicy", "Delete"));
        // The topology's buckets and the access-log bucket.
        dev.template().resourceCountIs("Custom::S3AutoDeleteObjects", dev.topology().buckets().size() + 1);
    }

    @Test
    void everyBucketIsPrivateEncryptedAndTlsOnlyAndTheTopologysAreVersioned() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            Map<String, JsonNode> buckets = s.json().resources("AWS::S3::Bucket");
            assertThat(buckets).hasSize(s.topology().buckets().size() + 1);
            String logs = accessLogBucket(s);
            buckets.forEach((id, bucket) -> {
                JsonNode p = bucket.path("Properties");
                assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                        .allSatisfy(flag -> assertThat(p.path("PublicAccessBlockConfiguration").path(flag).asBoolean())
                                .as("%s %s", id, flag).isTrue());
                assertThat(p.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                        .asText()).as(id).isIn("AES256", "aws:kms");
                if (!id.equals(logs)) {
                    assertThat(p.at("/VersioningConfiguration/Status").asText()).as(id).isEqualTo("Enabled");
                }
                assertThat(denyInsecureTransport(s, id)).as("bucket policy of %s denies plain HTTP", id).isTrue();
            });
        }
    }

    @Test
    void everyBucketLogsItsAccessToTheAccessLogBucketUnderItsOwnPrefix() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            String logs = accessLogBucket(s);
            JsonNode logBucket = s.json().properties(logs);
            assertThat(logBucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                    .asText()).as("S3 delivers access logs only to SSE-S3 buckets").isEqualTo("AES256");
            assertThat(logBucket.at("/LifecycleConfiguration/Rules/0/ExpirationInDays").asInt())
                    .isEqualTo(s.stage().production() ? ObjectBuckets.PRODUCTION_ACCESS_LOG_DAYS : ObjectBuckets.ACCESS_LOG_DAYS);
            List<String> prefixes = s.json().resources("AWS::S3::Bucket").entrySet().stream()
                    .filter(e -> !e.getKey().equals(logs))
                    .map(e -> e.getValue().at("/Properties/LoggingConfiguration"))
                    .peek(config -> assertThat(TemplateJson.referencedId(config.path("DestinationBucketName"))).isEqualTo(logs))
                    .map(config -> config.path("LogFilePrefix").asText()).toList();
            assertThat(prefixes).containsExactlyInAnyOrderElementsOf(
                    s.topology().buckets().stream().map(b -> b.name() + "/").toList());
            // Only the S3 logging service may write there, and only from this account's buckets.
            assertThat(s.json().resources("AWS::S3::BucketPolicy").values().stream()
                    .filter(p -> logs.equals(TemplateJson.referencedId(p.at("/Properties/Bucket"))))
                    .flatMap(p -> TemplateJson.oneOrMany(p.at("/Properties/PolicyDocument/Statement")).stream()))
                    .anyMatch(st -> st.at("/Principal/Service").asText().equals("logging.s3.amazonaws.com")
                            && st.path("Effect").asText().equals("Allow"));
        }
    }

    @Test
    void bucketObjectsExpireAfterTheTopologysDays() {
        Synthesized s = SynthesizedStacks.sample();
        String logs = accessLogBucket(s);
        Map<Integer, Long> expiryByDays = new HashMap<>();
        s.json().resources("AWS::S3::Bucket").entrySet().stream().filter(e -> !e.getKey().equals(logs))
                .map(Map.Entry::getValue).forEach(bucket -> {
            List<JsonNode> expiring = TemplateJson.oneOrMany(bucket.at("/Properties/LifecycleConfiguration/Rules")).stream()
                    .filter(r -> r.has("ExpirationInDays")).toList();
            assertThat(expiring).hasSizeLessThanOrEqualTo(1);
            expiryByDays.merge(expiring.isEmpty() ? 0 : expiring.get(0).path("ExpirationInDays").asInt(), 1L, Long::sum);
            // Versioned buckets also need the old versions to go, or nothing is ever really deleted.
            expiring.forEach(r -> assertThat(r.at("/NoncurrentVersionExpiration/NoncurrentDays").asInt()).isPositive());
        });
        Map<Integer, Long> expected = new HashMap<>();
        s.topology().buckets().stream().map(BucketSpec::expireAfterDays).forEach(d -> expected.merge(d, 1L, Long::sum));
        assertThat(expiryByDays).isEqualTo(expected);
    }

    // The one bucket every other bucket's LoggingConfiguration points at.
    private static String accessLogBucket(Synthesized s) {
        List<String> targets = s.json().resources("AWS::S3::Bucket").values().stream()
                .map(b -> b.at("/Properties/LoggingConfiguration/DestinationBucketName"))
                .filter(ref -> !ref.isMissingNode())
                .map(TemplateJson::referencedId).distinct().toList();
        assertThat(targets).hasSize(1);
        return targets.get(0);
    }

    private static boolean denyInsecureTransport(Synthesized s, String bucketId) {
        return s.json().resources("AWS::S3::BucketPolicy").values().stream()
                .filter(p -> bucketId.equals(TemplateJson.referencedId(p.at("/Properties/Bucket"))))
                .flatMap(p -> TemplateJson.oneOrMany(p.at("/Properties/PolicyDocument/Statement")).stream())
                .anyMatch(st -> st.path("Effect").asText().equals("Deny")
                        && st.at("/Condition/Bool/aws:SecureTransport").asText().equals("false"));
    }

    private static List<String> keys(JsonNode keySchema) {
        // CloudFormation lists the HASH key before the RANGE key.
        return TemplateJson.oneOrMany(keySchema).stream().map(k -> k.path("AttributeName").asText()).toList();
    }
}
