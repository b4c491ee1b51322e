package dev.penguinmails.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.cdk.functions.FamilyTriggers;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.topology.FunctionSpec;

/**
 * CloudFormation's per-template quotas, with headroom, for the real topology (stage dev) and the sample (prod):
 * every template, the parent and each family's nested stack, stays well below them (decision 0070).
 */
class StackLimitsTest {

    /** CloudFormation allows 500 resources per template; 50 are kept free for what a change adds before anyone looks. */
    static final int MAX_RESOURCES = 450;
    /** CloudFormation allows 200 parameters and 200 outputs per template. */
    static final int MAX_PARAMETERS = 200;
    static final int MAX_OUTPUTS = 200;
    /**
     * What the parent of the real topology may hold: shared resources, one role and one nested stack per family. It
     * held 300 at the split (117 of them routes, 72 queues and queue policies); it grows with routes, queues and
     * rules, not with functions. When this fails, move each family's routes and integration into its nested stack
     * before raising it (decision 0070).
     */
    static final int PARENT_BUDGET = 350;

    /** Resource types that only a family's nested stack may hold: its Lambdas and what invokes them. */
    private static final List<String> FAMILY_TYPES = List.of("AWS::Lambda::Alias", "AWS::Lambda::Version",
            "AWS::Lambda::EventSourceMapping", "AWS::Lambda::EventInvokeConfig");

    private static List<Synthesized> stacks() {
        return List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample());
    }

    @Test
    void everyTemplateStaysWellBelowCloudFormationsQuotas() {
        for (Synthesized s : stacks()) {
            List<String> over = new ArrayList<>();
            Map<String, JsonNode> templates = new java.util.LinkedHashMap<>();
            templates.put(s.synthesis().stack().getStackName(), s.json().root());
            s.familyJson().forEach((family, json) -> templates.put(family + " functions", json.root()));
            templates.forEach((name, root) -> {
                int resources = root.path("Resources").size();
                int parameters = root.path("Parameters").size();
                int outputs = root.path("Outputs").size();
                if (resources > MAX_RESOURCES || parameters > MAX_PARAMETERS || outputs > MAX_OUTPUTS) {
                    over.add(String.format("%s: %d resources (max %d), %d parameters (max %d), %d outputs (max %d)",
                            name, resources, MAX_RESOURCES, parameters, MAX_PARAMETERS, outputs, MAX_OUTPUTS));
                }
            });
            assertThat(over).as("templates of %s over their quota", s.synthesis().stack().getStackName()).isEmpty();
            assertThat(templates).hasSize(1 + s.topology().functions().size());
        }
    }

    @Test
    void theParentKeepsItsHeadroom() {
        Synthesized s = SynthesizedStacks.penguinMails();
        int resources = s.json().root().path("Resources").size();
        assertThat(resources).as("resources of the parent stack %s: %d (budget %d, headroom %d below the %d of every template)",
                s.synthesis().stack().getStackName(), resources, PARENT_BUDGET, MAX_RESOURCES - resources, MAX_RESOURCES)
                .isLessThanOrEqualTo(PARENT_BUDGET)
                // Far below it, too: the families' resources really left it.
                .isGreaterThan(s.json().resources("AWS::ApiGatewayV2::Route").size());
        // One nested stack per family, and nothing else nested.
        assertThat(s.json().resources("AWS::CloudFormation::Stack")).hasSize(s.topology().functions().size());
    }

    @Test
    void eachFamilysFunctionsAndTriggersAreInItsOwnNestedStack() {
        for (Synthesized s : stacks()) {
            FAMILY_TYPES.forEach(type -> assertThat(s.json().resources(type)).as("%s in the parent", type).isEmpty());
            for (FunctionSpec family : s.topology().functions()) {
                TemplateJson nested = s.functions(family);
                Set<String> expected = new TreeSet<>();
                family.entryPoints().forEach(e -> expected.add(s.stage().functionName(family, e)));
                Set<String> deployed = new TreeSet<>();
                nested.resources("AWS::Lambda::Function").entrySet().stream()
                        .filter(f -> !f.getKey().startsWith(FamilyTriggers.TRIGGER_PROVIDER))
                        .forEach(f -> deployed.add(f.getValue().at("/Properties/FunctionName").asText()));
                assertThat(deployed).as("Lambdas of the %s nested stack", family.family()).isEqualTo(expected);
                Set<String> logGroups = new TreeSet<>();
                nested.resources("AWS::Logs::LogGroup").values()
                        .forEach(g -> logGroups.add(g.at("/Properties/LogGroupName").asText()));
                assertThat(logGroups).as("log groups of %s", family.family())
                        .isEqualTo(expected.stream().map(n -> "/aws/lambda/" + n).collect(java.util.stream.Collectors.toSet()));
                assertThat(nested.resources("AWS::Lambda::Alias")).hasSize(expected.size());
                assertThat(nested.resources("AWS::Lambda::EventSourceMapping")).hasSize(family.queueHandlers().size());
                assertThat(nested.resources("AWS::Events::Rule")).hasSize(family.scheduledHandlers().size());
                // The family's grants are a policy of its nested stack, on the role the parent keeps.
                assertThat(nested.resources("AWS::IAM::Policy")).hasSize(1);
                assertThat(s.json().statementsOfRole(s.roleOf(family))).as("grants of %s left in the parent", family.family())
                        .isEmpty();
            }
        }
    }
}
