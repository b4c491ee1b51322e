package dev.penguinmails.cdk.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.ScheduledHandler;

class DeadLettersTemplateTest {

    private static List<Synthesized> stacks() {
        return List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample());
    }

    @Test
    void everyRuleTargetRetriesForADayThenDeadLettersToTheUndeliveredEventsQueue() {
        for (Synthesized s : stacks()) {
            String dlq = queueId(s, "undelivered-events");
            Map<String, JsonNode> rules = s.json().resources("AWS::Events::Rule");
            // The topology's rules and the SES forwarding rule here, the schedules in their families' nested stacks.
            assertThat(rules.size() + s.familyJson().values().stream().mapToInt(t -> t.resources("AWS::Events::Rule").size()).sum())
                    .isGreaterThan(s.topology().rules().size());
            rules.forEach((ruleId, rule) -> {
                List<JsonNode> targets = TemplateJson.oneOrMany(rule.at("/Properties/Targets"));
                assertThat(targets).as(ruleId).isNotEmpty().allSatisfy(target ->
                        assertThat(TemplateJson.referencedId(target.at("/DeadLetterConfig/Arn"))).as(ruleId).isEqualTo(dlq));
                assertThat(grantsRule(s, dlq, sourceArn -> ruleId.equals(TemplateJson.referencedId(sourceArn))))
                        .as("the DLQ lets rule %s deliver", ruleId).isTrue();
            });
            s.familyJson().forEach((family, nested) -> nested.resources("AWS::Events::Rule").forEach((ruleId, rule) -> {
                List<JsonNode> targets = TemplateJson.oneOrMany(rule.at("/Properties/Targets"));
                assertThat(targets).as(ruleId).isNotEmpty().allSatisfy(target ->
                        assertThat(nested.parentId(target.at("/DeadLetterConfig/Arn"))).as(ruleId).isEqualTo(dlq));
                assertThat(grantsRule(s, dlq, sourceArn -> s.nestedIds(family, sourceArn).equals(java.util.Set.of(ruleId))))
                        .as("the DLQ lets rule %s of %s deliver", ruleId, family).isTrue();
            }));
            s.topology().rules().forEach(spec -> {
                JsonNode rule = s.json().properties(s.json().logicalIdByName("AWS::Events::Rule", "Name",
                        s.stage().resourceName(spec.name())));
                assertThat(TemplateJson.oneOrMany(rule.path("Targets"))).allSatisfy(t -> {
                    assertThat(t.at("/RetryPolicy/MaximumRetryAttempts").asInt()).isEqualTo(DeadLetters.EVENT_RETRY_ATTEMPTS);
                    assertThat(t.at("/RetryPolicy/MaximumEventAgeInSeconds").asInt()).isEqualTo(24 * 3600);
                });
            });
        }
    }

    @Test
    void aScheduledRunThatStillFailsAfterItsRetriesGoesToTheFailedInvocationsQueue() {
        for (Synthesized s : stacks()) {
            String failed = queueId(s, "failed-invocations");
            long scheduled = s.topology().functions().stream().mapToLong(f -> f.scheduledHandlers().size()).sum();
            assertThat(scheduled).isPositive();
            assertThat(s.json().resources("AWS::Lambda::EventInvokeConfig")).as("none in the parent").isEmpty();
            for (FunctionSpec family : s.topology().functions()) {
                TemplateJson nested = s.functions(family);
                Map<String, JsonNode> configs = nested.resources("AWS::Lambda::EventInvokeConfig");
                assertThat(configs).as(family.family()).hasSize(family.scheduledHandlers().size());
                for (ScheduledHandler handler : family.scheduledHandlers()) {
                    var fn = s.function(family, handler);
                    String functionId = fn.functionId();
                    JsonNode config = configs.values().stream()
                            .map(c -> c.path("Properties"))
                            .filter(p -> functionId.equals(TemplateJson.referencedId(p.path("FunctionName"))))
                            .findFirst().orElseThrow(() -> new AssertionError("no async config for " + handler.name()));
                    // The live alias, which the schedule invokes: CloudFormation reads its name from the alias ARN.
                    assertThat(TemplateJson.referencedIds(config.path("Qualifier"))).containsExactly(fn.aliasId());
                    JsonNode target = TemplateJson.oneOrMany(nested.properties(nested.logicalIdByName(
                            "AWS::Events::Rule", "Name", s.stage().functionName(family, handler))).path("Targets")).get(0);
                    assertThat(target.at("/RetryPolicy/MaximumRetryAttempts").asInt())
                            .isEqualTo(DeadLetters.INVOCATION_RETRY_ATTEMPTS);
                    assertThat(nested.parentId(config.at("/DestinationConfig/OnFailure/Destination")))
                            .isEqualTo(failed);
                    assertThat(config.path("MaximumRetryAttempts").asInt()).isEqualTo(DeadLetters.INVOCATION_RETRY_ATTEMPTS);
                }
            }
        }
    }

    @Test
    void eachDeadLetterQueueKeepsTwoWeeksRedrivesNowhereAndAlarmsOnItsFirstMessage() {
        for (Synthesized s : stacks()) {
            for (String name : List.of("undelivered-events", "failed-invocations")) {
                String id = queueId(s, name);
                JsonNode queue = s.json().properties(id);
                assertThat(queue.path("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
                assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
                assertThat(queue.has("RedrivePolicy")).isFalse();
                assertThat(s.json().resources("AWS::CloudWatch::Alarm").values()).as(name).anySatisfy(alarm -> {
                    JsonNode p = alarm.path("Properties");
                    assertThat(p.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
                    assertThat(TemplateJson.oneOrMany(p.path("Dimensions")).get(0).path("Value").toString()).contains(id);
                    assertThat(p.path("Threshold").asDouble()).isEqualTo(1.0);
                    assertThat(p.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
                });
            }
        }
    }

    /** Whether the queue's policy lets EventBridge send from the rule whose ARN {@code fromRule} accepts. */
    private static boolean grantsRule(Synthesized s, String queueId, java.util.function.Predicate<JsonNode> fromRule) {
        return s.json().resources("AWS::SQS::QueuePolicy").values().stream()
                .filter(p -> TemplateJson.oneOrMany(p.at("/Properties/Queues")).stream()
                        .anyMatch(q -> queueId.equals(TemplateJson.referencedId(q))))
                .flatMap(p -> TemplateJson.oneOrMany(p.at("/Properties/PolicyDocument/Statement")).stream())
                .anyMatch(st -> st.at("/Principal/Service").asText().equals("events.amazonaws.com")
                        && TemplateJson.actions(st).toList().equals(List.of("sqs:SendMessage"))
                        && fromRule.test(st.at("/Condition/ArnEquals/aws:SourceArn")));
    }

    private static String queueId(Synthesized s, String logicalQueue) {
        return s.json().logicalIdByName("AWS::SQS::Queue", "QueueName", s.stage().resourceName(logicalQueue));
    }
}
