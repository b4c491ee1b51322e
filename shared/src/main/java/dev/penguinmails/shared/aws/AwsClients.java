package dev.penguinmails.shared.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Named;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
 * with an endpoint override (local stack, tests) static local credentials are used. Call, attempt and
 * socket timeouts come from the function's Lambda timeout ({@link ClientTimeouts}).
 *
 * <p>Each client is built on first use and then shared: the beans are prototypes that return one memoized
 * instance. Lambda's Micronaut context creates every singleton during init, and building a client a
 * function never calls (S3 in identity, SES in an HTTP handler) cost tens of milliseconds of each cold start.
 */
@Factory
public class AwsClients {
    private final AwsSettings settings;
    /** The name of the SES client for sending email. */
    public static final String SES_SENDS = "ses-sends";

    private final Map<String, SdkClient> built = new HashMap<>();
    private boolean closed;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    @Prototype
    DynamoDbClient dynamoDb() {
        return shared("dynamodb", DynamoDbClient.class, () -> configure(DynamoDbClient.builder(), "dynamodb").build());
    }

    @Prototype
    SqsClient sqs() {
        return shared("sqs", SqsClient.class, () -> configure(SqsClient.builder(), "sqs").build());
    }

    /** SES for managing identities and settings: the SDK's standard retries. */
    @Prototype
    @Primary
    SesV2Client sesV2() {
        return shared("sesv2", SesV2Client.class, () -> configure(SesV2Client.builder(), "sesv2").build());
    }

    /** SES for sending email: retried only when SES certainly did not take the request ({@link SesSendRetries}). */
    @Prototype
    @Named(SES_SENDS)
    SesV2Client sesV2Sends() {
        return shared("sesv2-sends", SesV2Client.class,
                () -> configure(SesV2Client.builder(), "sesv2", c -> c.retryStrategy(SesSendRetries.strategy())).build());
    }

    @Prototype
    EventBridgeClient eventBridge() {
        return shared("eventbridge", EventBridgeClient.class, () -> configure(EventBridgeClient.builder(), "eventbridge").build());
    }

    /** Signs access tokens (identity), reads their public key (every function) and makes and opens data keys of customer secrets; endpoint key {@code kms}. */
    @Prototype
    KmsClient kms() {
        return shared("kms", KmsClient.class, () -> configure(KmsClient.builder(), "kms").build());
    }

    /** Reads the secrets that {@link SecretValues} resolves by ARN; endpoint key {@code secretsmanager}. */
    @Prototype
    SecretsManagerClient secretsManager() {
        return shared("secretsmanager", SecretsManagerClient.class, () -> configure(SecretsManagerClient.builder(), "secretsmanager").build());
    }

    @Prototype
    S3Client s3() {
        // Emulators and custom endpoints only understand path-style bucket addressing.
        boolean local = settings.endpoint("s3").isPresent();
        return shared("s3", S3Client.class, () -> configure(S3Client.builder(), "s3").forcePathStyle(local).build());
    }

    /** Closes the clients built so far, when the function's context closes; none is built after that. */
    @PreDestroy
    synchronized void close() {
        closed = true;
        built.values().forEach(SdkClient::close);
        built.clear();
    }

    // Synchronized: a client is looked up once per injection point, and a background primer may ask while the
    // context is still wiring beans; building one twice, or after close, would leak it.
    private synchronized <C extends SdkClient> C shared(String name, Class<C> type, Supplier<C> build) {
        if (closed) {
            throw new IllegalStateException("The function's context is closed; no " + type.getSimpleName() + " is built now");
        }
        SdkClient client = built.get(name);
        if (client == null) {
            client = build.get();
            built.put(name, client);
        }
        return type.cast(client);
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String service) {
        return configure(builder, service, c -> { });
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String service, Consumer<ClientOverrideConfiguration.Builder> more) {
        builder.region(settings.region());
        Optional<ClientTimeouts> timeouts = settings.functionTimeout().map(ClientTimeouts::within);
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(timeouts.map(ClientTimeouts::connect).orElse(Duration.ofSeconds(2)))
                .socketTimeout(timeouts.map(ClientTimeouts::socket).orElse(Duration.ofSeconds(30))));
        // One override for all: a second call would replace the first.
        builder.overrideConfiguration(c -> {
            timeouts.ifPresent(t -> c.apiCallTimeout(t.apiCall()).apiCallAttemptTimeout(t.apiAttempt()));
            more.accept(c);
        });
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
