package dev.penguinmails.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class AwsSdkPrimerTest {

    @Test
    void primingRunsEveryCallToTheEndWithoutTheNetwork() {
        // Its endpoint is a closed port: a call that reached the network would fail, and so would an answer the
        // SDK cannot unmarshal.
        assertThatCode(new AwsSdkPrimer()::prime).doesNotThrowAnyException();
    }

    @Test
    void theCannedClientAnswersAnOperationWithItsJsonAndOthersWithAnEmptyObject() {
        CannedHttpClient http = new CannedHttpClient(Map.of("DynamoDB_20120810.GetItem",
                "{\"Item\":{\"pk\":{\"S\":\"canned\"}}}"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9")).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("x"));
            GetItemResponse item = dynamo.getItem(r -> r.tableName("t").key(key));

            assertThat(item.item()).containsEntry("pk", AttributeValue.fromS("canned"));
            assertThat(dynamo.putItem(r -> r.tableName("t").item(key)).attributes()).isEmpty();
        }
    }
}
