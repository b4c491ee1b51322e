package dev.penguinmails.shared.priming;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Builds, and closes again, a DynamoDB and an EventBridge client that call nothing, early in init: building
 * the first client loads most of the SDK (configuration, endpoint rules, signing, retries), and this way
 * that happens beside Micronaut's own start instead of inside the first bean that needs a client.
 * It needs no beans, so it is listed in {@code META-INF/services} (see {@link EarlyPriming}).
 */
public final class AwsSdkPrimer implements Primer {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

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
            dynamo.serviceName();
            events.serviceName();
        }
    }

    /** A builder configured like the real clients (region, URL-connection HTTP) but pointing nowhere. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B offline(B builder) {
        return builder.region(Region.US_EAST_1).endpointOverride(NOWHERE)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
