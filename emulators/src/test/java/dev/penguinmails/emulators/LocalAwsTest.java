package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class LocalAwsTest {

    @Test
    void externalServicesAreUsedInsteadOfOurOwnAndTheRestStillRunsLocally() {
        LocalAws shared = SharedLocalAws.get();
        ExternalAws elsewhere = new ExternalAws(shared.endpoints().dynamodb(), shared.endpoints().sqs(),
                shared.endpoints().s3());

        try (LocalAws aws = LocalAws.start(new EmulatorOptions(EmulatorPorts.ephemeral(), null, elsewhere))) {
            assertThat(aws.usesExternalServices()).isTrue();
            assertThat(aws.endpoints().dynamodb()).isEqualTo(shared.endpoints().dynamodb());
            assertThat(aws.endpoints().eventBridge()).isNotEqualTo(shared.endpoints().eventBridge());
            String prefix = SharedLocalAws.uniquePrefix();
            ProvisionedStack stack = aws.provision(withoutBucketNotifications(PenguinMailsTopology.define()), prefix);

            // The table was created in the external DynamoDB, which the shared LocalAws serves.
            assertThat(shared.clients().dynamoDb().listTables().tableNames())
                    .contains(stack.tableName(PenguinMailsTopology.IDENTITY));
            assertThat(stack.properties()).containsEntry(ConfigKeys.endpoint("sqs"), shared.endpoints().sqs().toString());
        }
    }

    @Test
    void closingTwiceIsHarmlessEndsTheNodeChildrenAndADataFolderGetsOneFolderPerStore(@TempDir Path data) {
        LocalAws aws = LocalAws.start(new EmulatorOptions(EmulatorPorts.ephemeral(), data));
        List<Long> nodePids = aws.nodePids();
        try {
            aws.clients().s3().createBucket(b -> b.bucket("kept"));
            assertThat(aws.dataDir()).isEqualTo(data.toAbsolutePath());
            assertThat(nodePids).hasSize(2).allSatisfy(pid -> assertThat(alive(pid)).isTrue());
        } finally {
            aws.close();
        }
        aws.close();

        assertThat(data.resolve("dynamodb")).isDirectory();
        assertThat(data.resolve("s3").resolve("kept")).isDirectory();
        assertThat(nodePids).allSatisfy(pid -> assertThat(alive(pid)).as("node %d", pid).isFalse());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The "external" S3 here is the shared S3Proxy, which has no bucket notification API (LocalStack, the external
     * S3 this mode is for, has one); everything else of the topology is provisioned as it is.
     */
    private static Topology withoutBucketNotifications(Topology t) {
        return new Topology(t.name(), t.tables(), t.buckets().stream()
                .map(b -> new BucketSpec(b.name(), b.expireAfterDays())).toList(),
                t.queues(), t.eventBus(), t.rules(), t.functions(), t.databases());
    }
}
