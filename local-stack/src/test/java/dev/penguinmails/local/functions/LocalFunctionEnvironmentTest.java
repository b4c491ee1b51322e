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
                Map.of(ConfigKeys.CURSOR_SECRET, "local-secret", ConfigKeys.ACCESS_TOKEN_SIGNING_KEY, "signing",
                        ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS, "public"), "http://127.0.0.1:8080");

        assertThat(env).doesNotContainKeys(ConfigKeys.bucket("imports"), ConfigKeys.bucket("exports"))
                .containsEntry(ConfigKeys.table(PenguinMailsTopology.IDENTITY), "x-identity")
                .containsEntry(ConfigKeys.queueUrl("identity-emails"), "http://sqs/identity-emails")
                .containsEntry(ConfigKeys.EVENT_BUS, "x-penguinmails")
                .containsEntry(ConfigKeys.endpoint("s3"), "http://127.0.0.1:9")
                .containsEntry(ConfigKeys.STAGE, "local")
                .as("links in its emails open this stack's pages and API")
                .containsEntry(ConfigKeys.APP_BASE_URL, "http://127.0.0.1:8080")
                .containsEntry(ConfigKeys.API_BASE_URL, "http://127.0.0.1:8080")
                .containsEntry(ConfigKeys.CURSOR_SECRET, "local-secret")
                .as("identity issues and checks access tokens").containsEntry(ConfigKeys.ACCESS_TOKEN_SIGNING_KEY, "signing")
                .containsEntry(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS, "public");
    }

    @Test
    void aFamilyThatReadsTheAuthorizersContextGetsNoTokenKeys() {
        Topology topology = PenguinMailsTopology.define();
        FunctionSpec other = new FunctionSpec("reports", 512, 10, java.util.Optional.empty(), java.util.List.of(),
                java.util.List.of(), new FunctionSpec.Access(java.util.List.of(), java.util.List.of(), java.util.List.of(),
                        false, false));

        Map<String, String> env = LocalFunctionEnvironment.of(other, provisioned(topology),
                Map.of(ConfigKeys.CURSOR_SECRET, "local-secret", ConfigKeys.ACCESS_TOKEN_SIGNING_KEY, "signing",
                        ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS, "public"), "http://127.0.0.1:8080");

        assertThat(env).containsEntry(ConfigKeys.CURSOR_SECRET, "local-secret")
                .doesNotContainKeys(ConfigKeys.ACCESS_TOKEN_SIGNING_KEY, ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS);
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
