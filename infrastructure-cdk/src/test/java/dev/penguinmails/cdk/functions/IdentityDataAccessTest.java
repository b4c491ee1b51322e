package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;

/**
 * Accounts, sessions and keys are identity's alone: in the synthesized stack, no role but the identity
 * functions' has any action on identity's table (other families learn the caller from the authorizer).
 */
class IdentityDataAccessTest {
    @Test
    void onlyIdentitysRoleHasAnyActionOnItsTable() {
        Synthesized s = SynthesizedStacks.penguinMails();
        String tableId = s.json().logicalIdByName("AWS::DynamoDB::Table", "TableName",
                s.stage().resourceName(PenguinMailsTopology.IDENTITY));
        FunctionSpec identity = s.topology().function(PenguinMailsTopology.IDENTITY).orElseThrow();
        String identityRole = s.roleOf(identity);

        int grants = 0;
        // Every template: the parent and each family's nested stack, whose parameters lead back to the parent.
        for (TemplateJson template : s.allJson()) {
            Map<String, JsonNode> policies = template.resources("AWS::IAM::Policy");
            for (JsonNode policy : policies.values()) {
                JsonNode properties = template.inParent(policy.path("Properties"));
                for (JsonNode statement : TemplateJson.oneOrMany(properties.at("/PolicyDocument/Statement"))) {
                    if (TemplateJson.refersTo(statement.path("Resource"), tableId)) {
                        grants++;
                        assertThat(TemplateJson.oneOrMany(properties.path("Roles")))
                                .as("roles granted %s on identity's table", TemplateJson.actions(statement).toList())
                                .allSatisfy(role -> assertThat(TemplateJson.referencedIds(role)).containsExactly(identityRole));
                    }
                }
            }
            assertThat(template.resources("AWS::IAM::Role").values()).allSatisfy(role ->
                    assertThat(TemplateJson.refersTo(template.inParent(role.at("/Properties/Policies")), tableId)).isFalse());
        }
        assertThat(grants).as("identity itself is granted its table").isPositive();
    }
}
