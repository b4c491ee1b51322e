package dev.penguinmails.cdk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;

class SesTemplateTest {

    @Test
    void theConfigurationSetHasReputationMetricsAndPublishesToTheDefaultBus() {
        Synthesized s = SynthesizedStacks.penguinMails();
        String setId = s.json().logicalIdByName("AWS::SES::ConfigurationSet", "Name", s.stage().resourceName("mail"));
        assertThat(s.json().properties(setId).at("/ReputationOptions/ReputationMetricsEnabled").asBoolean()).isTrue();

        JsonNode destination = s.json().resources("AWS::SES::ConfigurationSetEventDestination").values().stream()
                .filter(d -> setId.equals(TemplateJson.referencedId(d.at("/Properties/ConfigurationSetName"))))
                .findFirst().orElseThrow().at("/Properties/EventDestination");
        assertThat(destination.path("Enabled").asBoolean()).isTrue();
        assertThat(destination.at("/EventBridgeDestination/EventBusArn").toString()).contains(":event-bus/default");
        assertThat(TemplateJson.oneOrMany(destination.path("MatchingEventTypes"))).extracting(JsonNode::asText)
                .contains("bounce", "complaint", "delivery", "reject")
                // SES open/click tracking would rewrite links that our own tracking already rewrites.
                .doesNotContain("open", "click");
    }

    @Test
    void aDefaultBusRuleForwardsThisConfigurationSetsEventsToTheCustomBus() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            String ruleId = s.json().logicalIdByName("AWS::Events::Rule", "Name", s.stage().resourceName("ses-events"));
            JsonNode rule = s.json().properties(ruleId);
            assertThat(rule.has("EventBusName")).as("SES publishes to the default bus only").isFalse();
            assertThat(rule.at("/EventPattern/source/0").asText()).isEqualTo(SesEventPublishing.SES_EVENT_SOURCE);
            assertThat(rule.at("/EventPattern/detail/mail/tags/ses:configuration-set/0").asText())
                    .isEqualTo(s.stage().resourceName("mail"));
            String busId = s.json().logicalIdByName("AWS::Events::EventBus", "Name", s.stage().eventBusName(s.topology().eventBus()));
            JsonNode target = TemplateJson.oneOrMany(rule.path("Targets")).get(0);
            assertThat(TemplateJson.referencedId(target.path("Arn"))).isEqualTo(busId);
            // The role EventBridge assumes may put events on our bus and nowhere else.
            String roleId = TemplateJson.referencedId(target.path("RoleArn"));
            assertThat(s.json().statementsOfRole(roleId)).singleElement().satisfies(st -> {
                assertThat(TemplateJson.actions(st).toList()).containsExactly("events:PutEvents");
                assertThat(TemplateJson.referencedId(st.path("Resource"))).isEqualTo(busId);
            });
        }
    }
}
