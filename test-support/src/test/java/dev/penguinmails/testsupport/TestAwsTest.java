package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Tag("integration")
class TestAwsTest {

    @Test
    void sharedStartsOnceEvenWhenManyThreadsAskAtOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            Set<LocalAws> seen = ConcurrentHashMap.newKeySet();
            List<Future<Boolean>> calls = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> seen.add(TestAws.shared()))).toList();
            for (Future<Boolean> call : calls) {
                try {
                    call.get();
                } catch (ExecutionException e) {
                    // Under the LocalStack profile without Docker, abort like every other test.
                    if (e.getCause() instanceof TestAbortedException aborted) {
                        throw aborted;
                    }
                    throw e;
                }
            }
            assertThat(seen).hasSize(1).containsExactly(TestAws.shared());
        } finally {
            // Let every call finish, so none is still starting while the next test runs.
            pool.shutdown();
            assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void freshStacksGetTheirOwnPrefixAndNeverSeeEachOthersData() {
        ProvisionedStack a = TestAws.freshStack();
        ProvisionedStack b = TestAws.freshStack();
        String identity = ConfigKeys.table(PenguinMailsTopology.IDENTITY);

        assertThat(a.namePrefix()).matches("t\\d+-").isNotEqualTo(b.namePrefix());
        assertThat(a.properties().get(identity)).isEqualTo(a.namePrefix() + "identity");
        assertThat(a.properties()).containsEntry(ConfigKeys.STAGE, "test");
        var dynamoDb = TestAws.shared().clients().dynamoDb();
        dynamoDb.putItem(r -> r.tableName(a.properties().get(identity))
                .item(Map.of("pk", AttributeValue.fromS("WS#1"), "sk", AttributeValue.fromS("x"))));
        assertThat(dynamoDb.scan(r -> r.tableName(b.properties().get(identity))).items()).isEmpty();
        assertThat(dynamoDb.scan(r -> r.tableName(a.properties().get(identity))).items()).hasSize(1);
        assertThat(a.queueUrl("identity-emails")).isNotEqualTo(b.queueUrl("identity-emails"));
    }

    @Test
    void theBackendPropertyPicksLocalStackAndTheEmulatorsAreTheDefault() {
        String original = System.getProperty(TestAws.BACKEND_PROPERTY);
        try {
            System.clearProperty(TestAws.BACKEND_PROPERTY);
            assertThat(TestAws.usesLocalStack()).isFalse();
            System.setProperty(TestAws.BACKEND_PROPERTY, "localstack");
            assertThat(TestAws.usesLocalStack()).isTrue();
            System.setProperty(TestAws.BACKEND_PROPERTY, "emulators");
            assertThat(TestAws.usesLocalStack()).isFalse();
        } finally {
            if (original == null) {
                System.clearProperty(TestAws.BACKEND_PROPERTY);
            } else {
                System.setProperty(TestAws.BACKEND_PROPERTY, original);
            }
        }
    }
}
