package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@Tag("integration")
class DynaliteTest {

    @Test
    void dataSurvivesARestartWithTheSameDataFolder(@TempDir Path data) {
        NodeRuntime node = NodeRuntime.locate();
        try (Dynalite first = Dynalite.start(node, 0, data); DynamoDbClient db = client(first.endpoint())) {
            db.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            db.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS("1"))));
        }
        try (Dynalite second = Dynalite.start(node, 0, data); DynamoDbClient db = client(second.endpoint())) {
            var item = db.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a")))).item();
            assertThat(item.get("v").s()).isEqualTo("1");
        }
    }

    @Test
    void aFixedPortRunsTheCliAndClosingEndsTheProcess() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        Dynalite dynalite = Dynalite.start(NodeRuntime.locate(), port, null);
        long pid = dynalite.pid();
        try (DynamoDbClient db = client(dynalite.endpoint())) {
            assertThat(dynalite.port()).isEqualTo(port);
            assertThat(db.listTables().tableNames()).isEmpty();
        } finally {
            dynalite.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(EmulatorPorts.isFree(port)).isTrue();
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
