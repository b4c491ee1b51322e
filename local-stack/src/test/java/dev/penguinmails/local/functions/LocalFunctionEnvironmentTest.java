package dev.penguinmails.local.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalFunctionEnvironmentTest {

    @Test
    void identityIsToldNeitherTheImportsNorTheExportsBucket() {
        Topology topology = PenguinMailsTopology.define();
        FunctionSpec identity = topology.function(PenguinMailsTopology.IDENTITY).orElseThrow();

        Map<String, String> env = LocalFunctionEnvironment.of(identity, provisioned(topology),
                Map.of(ConfigKeys.CURSOR_SECRET, "local-secret"), "http://127.0.0.1:8080");

        assertThat(env).doesNotContainKeys(ConfigKeys.bucket("imports"), ConfigKeys.bucket("exports"))
                .containsEntry(ConfigKeys.table("identity"), "x-identity")
                .containsEntry(ConfigKeys.queueUrl("identity-emails"), "http://sqs/identity-emails")
                .containsEntry(ConfigKeys.EVENT_BUS, "x-penguinmails")
                .containsEntry(ConfigKeys.endpoint("s3"), "http://127.0.0.1:9")
                .containsEntry(ConfigKeys.STAGE, "local")
                .containsEntry(ConfigKeys.CURSOR_SECRET, "local-secret");
    }

    /** What the provisioner reports for the whole topology, as the local stack gets it. */
    private static ProvisionedStack provisioned(Topology topology) {
        Map<String, String> properties = new HashMap<>();
        Map<String, String> queues = new HashMap<>();
        topology.tables().forEach(t -> properties.put(ConfigKeys.table(t.name()), "x-" + t.name()));
        topology.buckets().forEach(b -> properties.put(ConfigKeys.bucket(b.name()), "x-" + b.name()));
        topology.queues().forEach(q -> queues.put(q.name(), "http://sqs/" + q.name()));
        properties.put(ConfigKeys.EVENT_BUS, "x-" + topology.eventBus());
        properties.put(ConfigKeys.endpoint("s3"), "http://127.0.0.1:9");
        return new ProvisionedStack("x-", properties, queues, Map.of());
    }
}
