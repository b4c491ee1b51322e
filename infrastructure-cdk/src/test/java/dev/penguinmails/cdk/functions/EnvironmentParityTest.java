package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import dev.penguinmails.topology.environment.FunctionEnvironment;
import dev.penguinmails.topology.environment.FunctionGrants;
import dev.penguinmails.topology.environment.ResourceNames;
import dev.penguinmails.topology.environment.StageSettings;

/**
 * Each deployed Lambda gets exactly the configuration keys and IAM actions that the topology's one
 * computation gives the same function in the local stack: what works locally works on AWS.
 */
class EnvironmentParityTest {

    /** Key material the runtimes provide in their own form: ARNs on AWS, local stand-ins in the local stack. */
    private static final Set<String> AWS_ONLY = Set.of("JAVA_TOOL_OPTIONS",
            var(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY), var(ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY),
            var(ConfigKeys.CURSOR_SECRET_ARN), var(ConfigKeys.CUSTOMER_SECRETS_KEY), var(ConfigKeys.secretArn(ConfigKeys.STRIPE_API_KEY)),
            var(ConfigKeys.secretArn(ConfigKeys.STRIPE_WEBHOOK_SECRET)), var(ConfigKeys.secretArn(ConfigKeys.UNSUBSCRIBE_KEYS)));

    /**
     * Granted beside the access: logging per Lambda, tracing, queue consumption per trigger, key material per
     * runtime. The stack's own dead-letter destinations (scheduled runs that fail) are left out by resource.
     */
    private static final List<String> RUNTIME_ACTION_PREFIXES = List.of("logs:", "kms:", "secretsmanager:", "xray:",
            "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueue");
    /** The construct that owns the stack-wide dead-letter queues; its logical ids start with this. */
    private static final String DEAD_LETTERS = "DeadLetters";

    @Test
    void everyLambdaHasTheKeysOfItsTopologyEnvironment() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            for (FunctionSpec family : s.topology().functions()) {
                Set<String> expected = FunctionEnvironment.of(family, NAMED, settings(s)).keySet().stream()
                        .map(ConfigKeys::environmentVariable).collect(Collectors.toCollection(TreeSet::new));
                family.entryPoints().forEach(e -> {
                    Set<String> deployed = new TreeSet<>();
                    environment(s, family, e).fieldNames().forEachRemaining(deployed::add);
                    deployed.removeAll(AWS_ONLY);
                    assertThat(deployed).as("environment of %s", s.stage().functionName(family, e)).isEqualTo(expected);
                });
            }
        }
    }

    @Test
    void everyRoleGrantsTheActionsOfItsAccessAndNoOthers() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            for (FunctionSpec family : s.topology().functions()) {
                String roleId = s.roleOf(family);
                Set<String> granted = TemplateJson.actions(s.statementsOfRole(roleId).stream()
                                .filter(st -> TemplateJson.referencedIds(st.path("Resource")).stream()
                                        .noneMatch(id -> id.startsWith(DEAD_LETTERS)))
                                .toList())
                        .filter(a -> RUNTIME_ACTION_PREFIXES.stream().noneMatch(a::startsWith))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(granted).as("actions of %s", family.family()).isEqualTo(FunctionGrants.actions(family));
            }
        }
    }

    private static JsonNode environment(Synthesized s, FunctionSpec family, EntryPoint entryPoint) {
        return s.functionProperties(family, entryPoint).at("/Environment/Variables");
    }

    private static StageSettings settings(Synthesized s) {
        // Without a custom domain the stack names the API's own endpoint, so the key is always there.
        return new StageSettings(s.stage().name(), "any-region", s.stage().appBaseUrl(), s.stage().mailFrom(),
                s.stage().apiBaseUrl() == null ? "the API's own endpoint" : s.stage().apiBaseUrl());
    }

    private static final ResourceNames NAMED = new ResourceNames() {
        @Override
        public String table(String logicalName) {
            return logicalName;
        }

        @Override
        public String bucket(String logicalName) {
            return logicalName;
        }

        @Override
        public String queueUrl(String logicalName) {
            return logicalName;
        }

        @Override
        public String eventBus() {
            return "bus";
        }

        @Override
        public String emailConfigurationSet() {
            return "set";
        }

        @Override
        public DatabaseEndpoint database(String logicalName) {
            return new DatabaseEndpoint("jdbc:postgresql://proxy/" + logicalName, logicalName + "_app", true);
        }
    };

    private static String var(String key) {
        return ConfigKeys.environmentVariable(key);
    }
}
