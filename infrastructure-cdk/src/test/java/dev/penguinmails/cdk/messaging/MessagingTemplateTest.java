package dev.penguinmails.cdk.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.RuleSpec;

class MessagingTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyQueueHasItsDeadLetterQueueAndIsEncrypted() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            // Each work queue with its DLQ, and the stack's two dead-letter queues for events and invocations.
            assertThat(s.json().resources("AWS::SQS::Queue")).hasSize(2 * s.topology().queues().size() + 2);
            for (QueueSpec spec : s.topology().queues()) {
                String queueId = queueId(s, spec.name());
                String dlqId = s.json().logicalIdByName("AWS::SQS::Queue", "QueueName",
                        spec.physicalName(s.stage().resourceName(spec.deadLetterQueueName())));
                JsonNode queue = s.json().properties(queueId);
                JsonNode dlq = s.json().properties(dlqId);

                assertThat(TemplateJson.referencedId(queue.at("/RedrivePolicy/deadLetterTargetArn"))).isEqualTo(dlqId);
                assertThat(queue.at("/RedrivePolicy/maxReceiveCount").asInt()).isEqualTo(spec.maxReceiveCount());
                assertThat(queue.path("VisibilityTimeout").asInt()).isEqualTo(spec.visibilityTimeoutSeconds());
                assertThat(queue.path("MessageRetentionPeriod").asInt()).isEqualTo(spec.retentionSeconds());
                assertThat(dlq.path("MessageRetentionPeriod").asInt()).isEqualTo(QueueSpec.DLQ_RETENTION_SECONDS)
                        .isEqualTo(14 * 24 * 3600);
                assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
                assertThat(dlq.path("SqsManagedSseEnabled").asBoolean()).isTrue();
                // A DLQ must not redrive anywhere itself.
                assertThat(dlq.has("RedrivePolicy")).isFalse();
            }
        }
    }

    @Test
    void oneCustomBusAndEveryRulesPatternIsExactlyTheTopologys() throws Exception {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            String busId = s.json().logicalIdByName("AWS::Events::EventBus", "Name",
                    s.stage().eventBusName(s.topology().eventBus()));
            assertThat(s.json().resources("AWS::Events::EventBus")).hasSize(1);
            for (RuleSpec spec : s.topology().rules()) {
                String ruleId = s.json().logicalIdByName("AWS::Events::Rule", "Name", s.stage().resourceName(spec.name()));
                JsonNode rule = s.json().properties(ruleId);
                assertThat(TemplateJson.referencedId(rule.path("EventBusName"))).isEqualTo(busId);

                JsonNode deployed = rule.path("EventPattern");
                JsonNode expected = JSON.readTree(spec.eventPattern());
                assertThat(deployed.equals(TemplateJson.NUMBERS_BY_VALUE, expected))
                        .as("pattern of rule %s: deployed %s, topology %s", spec.name(), deployed, expected)
                        .isTrue();

                Set<String> targets = TemplateJson.oneOrMany(rule.path("Targets")).stream()
                        .map(t -> TemplateJson.referencedId(t.path("Arn"))).collect(Collectors.toSet());
                assertThat(targets).isEqualTo(spec.targetQueues().stream().map(q -> queueId(s, q)).collect(Collectors.toSet()));
            }
        }
    }

    @Test
    void theSampleRuleWithDecimalsAndOperatorsSurvivesSynthesis() {
        // The comparison above is only as strong as the pattern: make sure the sample's is the rich one.
        Synthesized s = SynthesizedStacks.sample();
        JsonNode pattern = s.json().properties(s.json().logicalIdByName("AWS::Events::Rule", "Name",
                s.stage().resourceName("campaign-fan-out"))).path("EventPattern");
        assertThat(pattern.at("/detail/recipients/0/numeric/1").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(pattern.at("/detail/dryRun/0").isBoolean()).isTrue();
        assertThat(pattern.at("/detail/channel/0/anything-but/0").asText()).isEqualTo("sms");
    }

    @Test
    void eachTargetQueueLetsOnlyItsRulesDeliver() {
        Synthesized s = SynthesizedStacks.sample();
        for (RuleSpec spec : s.topology().rules()) {
            String ruleId = s.json().logicalIdByName("AWS::Events::Rule", "Name", s.stage().resourceName(spec.name()));
            for (String queue : spec.targetQueues()) {
                String queueId = queueId(s, queue);
                List<JsonNode> grants = s.json().resources("AWS::SQS::QueuePolicy").values().stream()
                        .filter(p -> TemplateJson.oneOrMany(p.at("/Properties/Queues")).stream()
                                .anyMatch(q -> queueId.equals(TemplateJson.referencedId(q))))
                        .flatMap(p -> TemplateJson.oneOrMany(p.at("/Properties/PolicyDocument/Statement")).stream())
                        .filter(st -> st.at("/Principal/Service").asText().equals("events.amazonaws.com"))
                        .filter(st -> ruleId.equals(TemplateJson.referencedId(st.at("/Condition/ArnEquals/aws:SourceArn"))))
                        .toList();
                assertThat(grants).as("queue %s grants rule %s", queue, spec.name()).hasSize(1);
                assertThat(TemplateJson.actions(grants.get(0)).toList()).containsExactly("sqs:SendMessage");
                assertThat(TemplateJson.referencedId(grants.get(0).path("Resource"))).isEqualTo(queueId);
            }
        }
    }

    private static String queueId(Synthesized s, String logicalQueue) {
        QueueSpec spec = s.topology().queue(logicalQueue).orElseThrow();
        return s.json().logicalIdByName("AWS::SQS::Queue", "QueueName", spec.physicalName(s.stage().resourceName(logicalQueue)));
    }
}
