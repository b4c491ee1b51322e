package dev.penguinmails.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The shared AWS clients: built once on first use, with timeouts from the function's timeout. */
class AwsClientsTest {

    @Test
    void eachClientIsBuiltOnceOnFirstUseAndNeverAfterTheContextCloses() {
        AwsClients clients;
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                ConfigKeys.endpoint("dynamodb"), "http://127.0.0.1:9", ConfigKeys.endpoint("s3"), "http://127.0.0.1:9"))) {
            DynamoDbClient first = context.getBean(DynamoDbClient.class);

            assertThat(context.getBean(DynamoDbClient.class)).isSameAs(first);
            assertThat(context.getBean(S3Client.class)).isNotNull();
            clients = context.getBean(AwsClients.class);
        }
        assertThatThrownBy(clients::dynamoDb).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DynamoDbClient");
    }

    @Test
    void aCallToAServiceThatNeverAnswersEndsWellWithinTheFunctionsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ApplicationContext context = ApplicationContext.run(Map.of(
                     ConfigKeys.FUNCTION_TIMEOUT_SECONDS, "4",
                     ConfigKeys.endpoint("dynamodb"), "http://127.0.0.1:" + silent.getLocalPort()))) {
            DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
            assertThat(dynamo.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
                    .hasValue(Duration.ofSeconds(1));

            long start = System.nanoTime();
            assertThatThrownBy(() -> dynamo.listTables()).isInstanceOf(ApiCallTimeoutException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("a quarter of the 4 s timeout, not the 30 s socket timeout").isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void timeoutsAreAQuarterOfTheFunctionsTimeoutPerCallAndHalfThatPerAttempt() {
        ClientTimeouts lambda = ClientTimeouts.within(Duration.ofSeconds(20));

        assertThat(lambda.apiCall()).isEqualTo(Duration.ofSeconds(5));
        assertThat(lambda.apiAttempt()).isEqualTo(Duration.ofMillis(2500));
        assertThat(lambda.socket()).isEqualTo(Duration.ofMillis(2500));
        assertThat(lambda.connect()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ClientTimeouts.within(Duration.ofSeconds(1)).apiCall()).as("never below a second")
                .isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> ClientTimeouts.within(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sesForSendingIsItsOwnClientRetryingOnlyWhatSesCertainlyDidNotTake() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(ConfigKeys.FUNCTION_TIMEOUT_SECONDS, "4",
                ConfigKeys.endpoint("sesv2"), "http://127.0.0.1:9"))) {
            SesV2Client standard = context.getBean(SesV2Client.class);
            SesV2Client sends = context.getBean(SesV2Client.class, Qualifiers.byName(AwsClients.SES_SENDS));

            assertThat(sends).isNotSameAs(standard);
            assertThat(context.getBean(SesV2Client.class, Qualifiers.byName(AwsClients.SES_SENDS))).isSameAs(sends);
            var override = sends.serviceClientConfiguration().overrideConfiguration();
            assertThat(override.apiCallTimeout()).as("the function's timeouts kept beside the retries")
                    .hasValue(Duration.ofSeconds(1));
            assertThat(override.retryStrategy()).hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts())
                    .isEqualTo(SesSendRetries.MAX_ATTEMPTS));
        }
    }

    @Test
    void onlyARefusedConnectionOrThrottlingProvesSesDidNotTakeTheRequest() {
        assertThat(SesSendRetries.certainlyNotTaken(SdkClientException.create("x", new java.net.ConnectException("refused"))))
                .isTrue();
        assertThat(SesSendRetries.certainlyNotTaken(SdkClientException.create("x",
                new java.net.SocketTimeoutException("Connect timed out")))).isTrue();
        assertThat(SesSendRetries.certainlyNotTaken(SdkClientException.create("x",
                new java.net.SocketTimeoutException("Read timed out")))).as("the request may have been taken").isFalse();
        assertThat(SesSendRetries.certainlyNotTaken(SdkClientException.create("x", new java.net.SocketException("reset"))))
                .isFalse();
        assertThat(SesSendRetries.certainlyNotTaken(AwsServiceException.builder().statusCode(429).build())).isTrue();
        assertThat(SesSendRetries.certainlyNotTaken(AwsServiceException.builder().statusCode(500).build())).isFalse();
    }
}
