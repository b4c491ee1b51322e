package dev.penguinmails.emulators;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK v2 clients aimed at the local endpoints: region us-east-1, static credentials
 * local/local, the URL-connection HTTP client, and path-style S3 addressing.
 */
public record LocalAwsClients(DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3, EventBridgeClient eventBridge,
                              SesV2Client sesV2) implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public static LocalAwsClients create(LocalAwsEndpoints endpoints) {
        return new LocalAwsClients(
                DynamoDbClient.builder().endpointOverride(endpoints.dynamodb()).region(REGION)
                        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                sqs(endpoints.sqs()),
                S3Client.builder().endpointOverride(endpoints.s3()).region(REGION).forcePathStyle(true)
                        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                EventBridgeClient.builder().endpointOverride(endpoints.eventBridge()).region(REGION)
                        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                SesV2Client.builder().endpointOverride(endpoints.sesv2()).region(REGION)
                        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        s3.close();
        eventBridge.close();
        sesV2.close();
    }
}
