package dev.penguinmails.emulators;

import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.TableSpec;
import dev.penguinmails.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates a topology's tables, queues (with their DLQs), buckets and event rules on a LocalAws, each
 * named {@code namePrefix + logical name}. Running it again over existing resources is harmless: what
 * exists is kept (queue attributes are brought up to date) and the bus's rules are registered afresh.
 */
public final class Provisioner {
    public static final String DEFAULT_STAGE = "local";
    private static final Pattern PREFIX = Pattern.compile("([a-z0-9][a-z0-9-]{0,30})?");

    private final LocalAws aws;

    public Provisioner(LocalAws aws) {
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    /** Provisions for stage {@value #DEFAULT_STAGE}. */
    public ProvisionedStack provision(Topology topology, String namePrefix) {
        return provision(topology, namePrefix, DEFAULT_STAGE);
    }

    /**
     * Provisions everything and returns the properties by which functions find it.
     *
     * @param namePrefix lower-case letters, digits and '-' (bucket names allow nothing else), e.g. "t3-"
     * @param stage      the value of {@code penguinmails.stage}: "local" or "test"
     */
    public ProvisionedStack provision(Topology topology, String namePrefix, String stage) {
        if (namePrefix == null || !PREFIX.matcher(namePrefix).matches()) {
            throw new IllegalArgumentException("a name prefix is empty or up to 31 lower-case letters, digits and '-', "
                    + "starting with a letter or digit: " + namePrefix);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (TableSpec table : topology.tables()) {
            String name = namePrefix + table.name();
            createTable(aws.clients().dynamoDb(), name, table);
            properties.put(ConfigKeys.table(table.name()), name);
        }
        Map<String, String> queueUrls = new LinkedHashMap<>();
        Map<String, String> dlqUrls = new LinkedHashMap<>();
        for (QueueSpec queue : topology.queues()) {
            SqsClient sqs = aws.clients().sqs();
            Map<QueueAttributeName, String> dlqAttributes = new LinkedHashMap<>();
            retention(dlqAttributes, QueueSpec.DLQ_RETENTION_SECONDS);
            fifo(dlqAttributes, queue);
            String dlqUrl = ensureQueue(sqs, queue.physicalName(namePrefix + queue.deadLetterQueueName()),
                    dlqAttributes);
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
            retention(attributes, queue.retentionSeconds());
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                    + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}");
            fifo(attributes, queue);
            String url = ensureQueue(sqs, queue.physicalName(namePrefix + queue.name()), attributes);
            queueUrls.put(queue.name(), url);
            dlqUrls.put(queue.name(), dlqUrl);
            properties.put(ConfigKeys.queueUrl(queue.name()), url);
        }
        for (BucketSpec bucket : topology.buckets()) {
            String name = namePrefix + bucket.name();
            createBucket(name);
            properties.put(ConfigKeys.bucket(bucket.name()), name);
            bucket.objectCreatedQueue().ifPresent(queue -> notifyQueue(name, queueUrls.get(queue)));
        }
        String bus = namePrefix + topology.eventBus();
        LocalEventBridge eventBridge = aws.eventBridge();
        eventBridge.createEventBus(bus);
        eventBridge.removeRules(bus);
        for (RuleSpec rule : topology.rules()) {
            List<String> targets = new ArrayList<>();
            rule.targetQueues().forEach(q -> targets.add(queueUrls.get(q)));
            eventBridge.registerRule(bus, rule.name(), rule.eventPattern(), targets);
        }
        properties.put(ConfigKeys.EVENT_BUS, bus);
        properties.put(ConfigKeys.REGION, LocalAwsClients.REGION.id());
        properties.putAll(aws.endpoints().endpointProperties());
        properties.put(ConfigKeys.STAGE, stage);
        return new ProvisionedStack(namePrefix, properties, queueUrls, dlqUrls);
    }

    /**
     * Creates the table unless it exists, then waits until it and its indexes are ACTIVE. TTL is not
     * switched on: dynalite has no UpdateTimeToLive (and expiry is lazy on AWS anyway, so readers
     * already treat items past {@code expiresAt} as absent).
     */
    private static void createTable(DynamoDbClient dynamoDb, String name, TableSpec table) {
        if (describe(dynamoDb, name) == null) {
            List<AttributeDefinition> attributes = new ArrayList<>();
            attributes.add(stringAttribute(table.partitionKey()));
            attributes.add(stringAttribute(table.sortKey()));
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (TableSpec.IndexSpec index : table.indexes()) {
                attributes.add(stringAttribute(index.partitionKey()));
                attributes.add(stringAttribute(index.sortKey()));
                indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build());
            }
            try {
                dynamoDb.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes.stream().distinct().toList())
                        .keySchema(key(table.partitionKey(), KeyType.HASH), key(table.sortKey(), KeyType.RANGE))
                        .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
            } catch (ResourceInUseException e) {
                // Created concurrently by another provisioning run: fine, it is the same table.
            }
        } else {
            requireIndexes(dynamoDb, name, table);
        }
        awaitActive(dynamoDb, name);
    }

    /** A table kept from an older topology may lack an index, and dynalite cannot add one to an existing table. */
    private static void requireIndexes(DynamoDbClient dynamoDb, String name, TableSpec table) {
        List<String> existing = describe(dynamoDb, name).globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).toList();
        List<String> missing = table.indexes().stream().map(TableSpec.IndexSpec::name)
                .filter(index -> !existing.contains(index)).toList();
        if (!missing.isEmpty()) {
            throw new EmulatorException("Table " + name + " was created by an older version and lacks the indexes "
                    + missing + "; delete the local data folder (or start with a new one) to recreate it.");
        }
    }

    private static TableDescription describe(DynamoDbClient dynamoDb, String name) {
        try {
            return dynamoDb.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static void awaitActive(DynamoDbClient dynamoDb, String name) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            TableDescription table = describe(dynamoDb, name);
            boolean active = table != null && table.tableStatus() == TableStatus.ACTIVE
                    && table.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
            if (active) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EmulatorException("Table " + name + " did not become ACTIVE within 60 s.");
            }
            sleep(50);
        }
    }

    /** ElasticMQ keeps messages until deleted and warns about a retention period; other SQS honour it. */
    private void retention(Map<QueueAttributeName, String> attributes, int seconds) {
        if (aws.usesExternalServices()) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(seconds));
        }
    }

    /** A FIFO queue's DLQ must be FIFO too; senders give deduplication ids, so content-based deduplication is off. */
    private static void fifo(Map<QueueAttributeName, String> attributes, QueueSpec queue) {
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
        }
    }

    /** Returns the URL of the queue, creating it or bringing its attributes up to date. */
    private static String ensureQueue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        String url;
        try {
            url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        }
        // FifoQueue is fixed at creation; SQS rejects it in SetQueueAttributes. ContentBasedDeduplication is set (off)
        // at creation only: ElasticMQ rejects it in SetQueueAttributes, and nothing of ours ever turns it on.
        Map<QueueAttributeName, String> changeable = new LinkedHashMap<>(attributes);
        changeable.remove(QueueAttributeName.FIFO_QUEUE);
        changeable.remove(QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(changeable));
        return url;
    }

    /**
     * The bucket's object-created events go to the queue: S3Proxy's through {@link S3Notifications}, an external
     * S3's (LocalStack) by its own bucket notification configuration.
     */
    private void notifyQueue(String bucket, String queueUrl) {
        if (aws.s3Notifications().isPresent()) {
            aws.s3Notifications().get().register(bucket, queueUrl);
            return;
        }
        String queueArn = aws.clients().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.clients().s3().putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(q -> q.id(S3Notifications.CONFIGURATION_ID).queueArn(queueArn)
                        .eventsWithStrings("s3:ObjectCreated:*"))));
    }

    private void createBucket(String name) {
        try {
            aws.clients().s3().createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // Kept from an earlier run (the S3 data folder persists).
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("Interrupted while waiting for a table.", e);
        }
    }
}
