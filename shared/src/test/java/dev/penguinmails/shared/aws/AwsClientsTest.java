package dev.penguinmails.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

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
}
