package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.TableSpec;
import dev.penguinmails.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@Tag("integration")
class ProvisionerTest {
    /** A small stack with a fast queue, so that redrive is observable in well under a second. */
    private static final Topology TOPOLOGY = new Topology("provision-test",
            List.of(TableSpec.standard("things")),
            List.of(new BucketSpec("uploads", 1)),
            List.of(new QueueSpec("jobs", 1, 2, 3600)),
            "main",
            List.of(new RuleSpec("jobs", "{\"detail-type\":[\"job.requested\"]}", List.of("jobs"))),
            List.of());

    private static LocalAws aws;
    private static String prefix;
    private static ProvisionedStack stack;

    @BeforeAll
    static void provision() {
        aws = SharedLocalAws.get();
        prefix = SharedLocalAws.uniquePrefix();
        stack = new Provisioner(aws).provision(TOPOLOGY, prefix, "test");
    }

    @Test
    void tablesAreOnDemandWithTheirKeysAndAllProjectingIndexes() {
        TableDescription table = aws.clients().dynamoDb().describeTable(b -> b.tableName(prefix + "things")).table();

        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("gsi1", "gsi2", "outbox");
        GlobalSecondaryIndexDescription gsi1 = table.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("gsi1")).findFirst().orElseThrow();
        assertThat(gsi1.keySchema()).extracting(k -> k.attributeName()).containsExactly("gsi1pk", "gsi1sk");
        assertThat(gsi1.projection().projectionType()).isEqualTo(ProjectionType.ALL);

        // The index really answers queries.
        aws.clients().dynamoDb().putItem(b -> b.tableName(prefix + "things").item(Map.of(
                "pk", s("A"), "sk", s("1"), "gsi1pk", s("by-owner"), "gsi1sk", s("x"), "name", s("thing"))));
        var found = aws.clients().dynamoDb().query(b -> b.tableName(prefix + "things").indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("by-owner"))));
        assertThat(found.items()).singleElement().satisfies(i -> assertThat(i.get("name").s()).isEqualTo("thing"));
    }

    @Test
    void aTableKeptFromAnOlderTopologyThatLacksAnIndexIsNamedWithTheRemedy() {
        TableSpec before = new TableSpec("kept", "pk", "sk", List.of(new TableSpec.IndexSpec("gsi1", "gsi1pk", "gsi1sk")), "expiresAt");
        Topology older = new Topology("provision-test", List.of(before), List.of(), List.of(), "main", List.of(), List.of());
        Topology newer = new Topology("provision-test", List.of(TableSpec.standard("kept")), List.of(), List.of(), "main",
                List.of(), List.of());
        String keptPrefix = SharedLocalAws.uniquePrefix();
        new Provisioner(aws).provision(older, keptPrefix, "test");

        assertThatThrownBy(() -> new Provisioner(aws).provision(newer, keptPrefix, "test"))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining(keptPrefix + "kept").hasMessageContaining("[gsi2, outbox]")
                .hasMessageContaining("delete the local data folder");
    }

    @Test
    void propertiesNameEveryResourceAFunctionNeeds() {
        Map<String, String> p = stack.properties();

        assertThat(p).containsEntry(ConfigKeys.table("things"), prefix + "things")
                .containsEntry(ConfigKeys.queueUrl("jobs"), stack.queueUrls().get("jobs"))
                .containsEntry(ConfigKeys.bucket("uploads"), prefix + "uploads")
                .containsEntry(ConfigKeys.EVENT_BUS, prefix + "main")
                .containsEntry(ConfigKeys.REGION, "us-east-1")
                .containsEntry(ConfigKeys.STAGE, "test")
                .containsEntry(ConfigKeys.endpoint("dynamodb"), aws.endpoints().dynamodb().toString())
                .containsEntry(ConfigKeys.endpoint("sqs"), aws.endpoints().sqs().toString())
                .containsEntry(ConfigKeys.endpoint("s3"), aws.endpoints().s3().toString())
                .containsEntry(ConfigKeys.endpoint("sesv2"), aws.endpoints().sesv2().toString())
                .containsEntry(ConfigKeys.endpoint("eventbridge"), aws.endpoints().eventBridge().toString());
        assertThat(stack.queueUrls().get("jobs")).endsWith("/" + prefix + "jobs");
        assertThat(stack.deadLetterQueueUrls().get("jobs")).endsWith("/" + prefix + "jobs-dlq");
        assertThat(stack.namePrefix()).isEqualTo(prefix);
    }

    @Test
    void queuesHaveTheirTimeoutsAndAMessageReceivedMaxReceiveCountTimesLandsInTheDlq() {
        SqsClient sqs = aws.clients().sqs();
        String queue = stack.queueUrl("jobs");
        String dlq = stack.deadLetterQueueUrls().get("jobs");
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains(prefix + "jobs-dlq")
                .containsPattern("\"maxReceiveCount\":\"?2\"?");

        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("poison"));
        for (int i = 0; i < 2; i++) {
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages();
            assertThat(received).as("receive %d", i + 1).hasSize(1);
            // Give the message back at once instead of waiting out the visibility timeout.
            sqs.changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(received.get(0).receiptHandle())
                    .visibilityTimeout(0));
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(5)).messages();
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
    }

    @Test
    void bucketsExistAndHoldObjects() {
        String bucket = stack.bucketName("uploads");
        aws.clients().s3().putObject(b -> b.bucket(bucket).key("a/b.txt"), RequestBody.fromString("hello"));

        assertThat(aws.clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key("a/b.txt")).asUtf8String())
                .isEqualTo("hello");
    }

    @Test
    void rulesAreRegisteredOnThePrefixedBusAndDeliverToTheQueue() {
        String bus = stack.eventBus();
        var response = aws.clients().eventBridge().putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .eventBusName(bus).source("penguinmails.test").detailType("job.requested").detail("{\"n\":1}").build()));
        assertThat(response.failedEntryCount()).isZero();

        String provisionedTestQueue = stack.queueUrl("jobs");
        List<Message> messages = aws.clients().sqs().receiveMessage(b -> b.queueUrl(provisionedTestQueue)
                .waitTimeSeconds(5)).messages();
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).contains("\"job.requested\""));
        aws.clients().sqs().deleteMessage(b -> b.queueUrl(provisionedTestQueue)
                .receiptHandle(messages.get(0).receiptHandle()));
    }

    @Test
    void provisioningTwiceKeepsWhatExists() {
        String otherPrefix = SharedLocalAws.uniquePrefix();
        ProvisionedStack first = new Provisioner(aws).provision(TOPOLOGY, otherPrefix);
        aws.clients().dynamoDb().putItem(b -> b.tableName(otherPrefix + "things").item(Map.of("pk", s("K"), "sk", s("1"))));
        aws.clients().sqs().sendMessage(b -> b.queueUrl(first.queueUrl("jobs")).messageBody("kept"));
        aws.clients().s3().putObject(b -> b.bucket(otherPrefix + "uploads").key("k"), RequestBody.fromString("kept"));

        ProvisionedStack second = new Provisioner(aws).provision(TOPOLOGY, otherPrefix);

        assertThat(second).isEqualTo(first);
        assertThat(aws.clients().dynamoDb().getItem(b -> b.tableName(otherPrefix + "things")
                .key(Map.of("pk", s("K"), "sk", s("1")))).hasItem()).isTrue();
        assertThat(aws.clients().sqs().receiveMessage(b -> b.queueUrl(second.queueUrl("jobs")).waitTimeSeconds(5))
                .messages()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("kept"));
        assertThat(aws.clients().s3().getObjectAsBytes(b -> b.bucket(otherPrefix + "uploads").key("k")).asUtf8String())
                .isEqualTo("kept");
        assertThat(aws.eventBridge().ruleNames(second.eventBus())).containsExactly("jobs");
        assertThat(second.properties()).containsEntry(ConfigKeys.STAGE, "local");
    }

    @Test
    void theRealTopologyProvisions() {
        ProvisionedStack real = aws.provision(PenguinMailsTopology.define(), SharedLocalAws.uniquePrefix());

        assertThat(real.properties()).containsKey(ConfigKeys.table(PenguinMailsTopology.IDENTITY))
                .containsKey(ConfigKeys.queueUrl("identity-emails"))
                .containsKey(ConfigKeys.bucket("imports"))
                .containsKey(ConfigKeys.bucket("exports"));
    }

    @Test
    void aPrefixThatCannotNameABucketIsRefused() {
        assertThatThrownBy(() -> new Provisioner(aws).provision(TOPOLOGY, "Bad_Prefix-"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad_Prefix-");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
