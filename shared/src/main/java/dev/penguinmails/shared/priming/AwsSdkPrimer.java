package dev.penguinmails.shared.priming;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Runs the DynamoDB and EventBridge calls almost every function makes first (a read, a query, a conditional
 * update, a publish) through clients configured like the real ones, early in init, against
 * {@link CannedHttpClient} instead of the network. The first real call otherwise loads the whole request path
 * (marshalling, endpoint rules, SigV4 signing, interceptors, timeouts, unmarshalling): several hundred classes
 * that this way load on the early-priming thread while the main thread builds the context. Only the URL
 * connection's own classes and the credentials chain are left to the first call. It needs no beans, so it is
 * listed in {@code META-INF/services} (see {@link EarlyPriming}).
 */
public final class AwsSdkPrimer implements Primer {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final Map<String, String> ANSWERS = Map.of(
            "DynamoDB_20120810.GetItem", "{\"Item\":{\"pk\":{\"S\":\"primer\"},\"n\":{\"N\":\"1\"}}}",
            "DynamoDB_20120810.Query", "{\"Count\":1,\"ScannedCount\":1,\"Items\":[{\"pk\":{\"S\":\"primer\"}}]}",
            "DynamoDB_20120810.UpdateItem", "{\"Attributes\":{\"n\":{\"N\":\"2\"}}}",
            "AWSEvents.PutEvents", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"primer\"}]}");

    @Override
    public String name() {
        return "aws-sdk";
    }

    @Override
    public int getOrder() {
        // Before the others: the context needs its clients during init, the others wait for the first call.
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void prime() {
        try (DynamoDbClient dynamo = offline(DynamoDbClient.builder()).build();
             EventBridgeClient events = offline(EventBridgeClient.builder()).build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("primer"));
            dynamo.getItem(r -> r.tableName("primer").key(key).consistentRead(true));
            dynamo.query(r -> r.tableName("primer").keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("primer"))).limit(1));
            dynamo.updateItem(r -> r.tableName("primer").key(key).updateExpression("ADD n :one")
                    .conditionExpression("attribute_exists(pk)").returnValues(ReturnValue.UPDATED_NEW)
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName("primer")
                    .source("penguinmails.primer").detailType("primer").detail("{}").build()));
        }
    }

    /**
     * A builder configured like the real clients (region, signing credentials, call and attempt timeouts) whose
     * HTTP client answers from {@link #ANSWERS}.
     */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B offline(B builder) {
        return builder.region(Region.US_EAST_1).endpointOverride(NOWHERE)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("primer", "primer")))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(5)).apiCallAttemptTimeout(Duration.ofSeconds(2)))
                .httpClient(new CannedHttpClient(ANSWERS));
    }
}
