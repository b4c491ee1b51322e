package dev.penguinmails.sending.bench;

import dev.penguinmails.shared.aws.AwsSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * In a benchmark's context ({@value #ENABLED}=true) every bean gets one DynamoDB client built like the function's
 * (same emulator endpoint, URL-connection HTTP client) plus {@link DynamoRequests}, so that the requests the real
 * code makes can be counted by operation. Not active in the module's tests.
 */
@Singleton
@Requires(property = CountedDynamoDb.ENABLED, value = "true")
public class CountedDynamoDb implements BeanCreatedEventListener<DynamoDbClient> {
    public static final String ENABLED = "penguinmails.bench.count-dynamodb";
    public static final DynamoRequests REQUESTS = new DynamoRequests();

    private final AwsSettings settings;
    private DynamoDbClient counted;

    CountedDynamoDb(AwsSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
        if (counted == null) {
            counted = DynamoDbClient.builder()
                    .region(settings.region())
                    .endpointOverride(settings.endpoint("dynamodb").orElseThrow())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(REQUESTS))
                    .build();
        }
        return counted;
    }
}
