package dev.penguinmails.shared.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients every function shares. The URL-connection HTTP client keeps cold starts short;
 * with an endpoint override (local stack, tests) static local credentials are used.
 */
@Factory
public class AwsClients {
    private final AwsSettings settings;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    @Singleton
    DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "dynamodb").build();
    }

    @Singleton
    SqsClient sqs() {
        return configure(SqsClient.builder(), "sqs").build();
    }

    @Singleton
    SesV2Client sesV2() {
        return configure(SesV2Client.builder(), "sesv2").build();
    }

    @Singleton
    EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder(), "eventbridge").build();
    }

    /** Signs access tokens (identity) and reads their public key (every function); endpoint key {@code kms}. */
    @Singleton
    KmsClient kms() {
        return configure(KmsClient.builder(), "kms").build();
    }

    /** Reads the secrets that {@link SecretValues} resolves by ARN; endpoint key {@code secretsmanager}. */
    @Singleton
    SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder(), "secretsmanager").build();
    }

    @Singleton
    S3Client s3() {
        // Emulators and custom endpoints only understand path-style bucket addressing.
        boolean local = settings.endpoint("s3").isPresent();
        return configure(S3Client.builder(), "s3").forcePathStyle(local).build();
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String service) {
        builder.region(settings.region());
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30)));
        Optional<URI> endpoint = settings.endpoint(service);
        if (endpoint.isPresent()) {
            builder.endpointOverride(endpoint.get());
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder;
    }
}
