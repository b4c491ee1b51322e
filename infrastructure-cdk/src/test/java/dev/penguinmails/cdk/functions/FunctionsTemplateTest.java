package dev.penguinmails.cdk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.cdk.TemplateJson.FunctionWithAlias;
import dev.penguinmails.cdk.storage.ObjectBuckets;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.DeploymentHandler;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.ScheduledHandler;

class FunctionsTemplateTest {

    private static List<Synthesized> stacks() {
        return List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample());
    }

    @Test
    void everyEntryPointIsAJava25LambdaWithSnapStartTracingAndALiveAliasOnItsPublishedVersion() {
        for (Synthesized s : stacks()) {
            for (FunctionSpec family : s.topology().functions()) {
                TemplateJson nested = s.functions(family);
                Set<String> topologyFunctions = new HashSet<>();
                family.entryPoints().forEach(entryPoint -> {
                    String name = s.stage().functionName(family, entryPoint);
                    FunctionWithAlias fn = nested.functionWithAlias(name, FunctionFamily.ALIAS);
                    topologyFunctions.add(fn.functionId());
                    JsonNode p = nested.properties(fn.functionId());
                    assertThat(p.path("Runtime").asText()).as(name).isEqualTo("java25")
                            .isEqualTo(FunctionFamily.RUNTIME.getName());
                    assertThat(p.at("/TracingConfig/Mode").asText()).as(name).isEqualTo("Active");
                    assertThat(p.path("Handler").asText()).as(name).isEqualTo(entryPoint.handlerClass());
                    assertThat(p.path("MemorySize").asInt()).as(name).isEqualTo(family.memoryMb());
                    assertThat(p.path("Timeout").asInt()).as(name).isEqualTo(family.timeoutSeconds());
                    assertThat(p.at("/SnapStart/ApplyOn").asText()).as(name).isEqualTo("PublishedVersions");

                    String versionId = TemplateJson.referencedId(nested.properties(fn.aliasId()).path("FunctionVersion"));
                    JsonNode version = nested.resource(versionId);
                    assertThat(version.path("Type").asText()).isEqualTo("AWS::Lambda::Version");
                    assertThat(TemplateJson.referencedId(version.at("/Properties/FunctionName"))).isEqualTo(fn.functionId());
                });
                // A family's nested stack holds its own Lambdas and nothing else's.
                assertThat(topologyFunctions).as(family.family()).hasSize((int) family.entryPoints().count());
                assertThat(nested.resources("AWS::Lambda::Function").keySet().stream()
                        .filter(id -> !id.startsWith(FamilyTriggers.TRIGGER_PROVIDER)).toList()).as(family.family())
                        .containsExactlyInAnyOrderElementsOf(topologyFunctions);
            }
            // Anything else is CDK's own bucket-emptying helper (outside production only) or its handler that
            // configures bucket notifications while the stack deploys.
            assertThat(s.json().resources("AWS::Lambda::Function").keySet())
                    .allSatisfy(id -> assertThat(id).matches(
                            "(CustomS3AutoDeleteObjectsCustomResourceProvider|" + ObjectBuckets.NOTIFICATION_HANDLER + ").*"));
        }
    }

    @Test
    void eachDeploymentStepRunsOncePerChangeOfItsVersionAfterItsFamilysPermissions() {
        int steps = 0;
        for (Synthesized s : stacks()) {
            for (FunctionSpec family : s.topology().functions()) {
                TemplateJson nested = s.functions(family);
                Map<String, JsonNode> triggers = nested.resources("Custom::Trigger");
                assertThat(triggers).as(family.family()).hasSize(family.deploymentHandlers().size());
                for (DeploymentHandler step : family.deploymentHandlers()) {
                    String name = s.stage().functionName(family, step);
                    FunctionWithAlias fn = nested.functionWithAlias(name, FunctionFamily.ALIAS);
                    JsonNode trigger = triggers.values().stream().filter(t -> {
                        JsonNode version = nested.resource(TemplateJson.referencedId(t.at("/Properties/HandlerArn")));
                        return TemplateJson.referencedId(version.at("/Properties/FunctionName")).equals(fn.functionId());
                    }).findFirst().orElseThrow(() -> new AssertionError("no trigger invokes a version of " + name));
                    assertThat(trigger.at("/Properties/InvocationType").asText()).isEqualTo("RequestResponse");
                    assertThat(trigger.at("/Properties/ExecuteOnHandlerChange").asBoolean()).isTrue();
                    assertThat(trigger.at("/Properties/Timeout").asText())
                            .isEqualTo(Integer.toString(family.timeoutSeconds() * 1000));
                    assertThat(trigger.path("DependsOn").toString()).as("runs after %s's permissions", name)
                            .contains("GrantsPolicy");
                    steps++;
                }
            }
        }
        assertThat(steps).as("the contacts query model's migrations at least").isPositive();
    }

    @Test
    void everyFamilyCodeAssetIsItsOwnJarAndItsFunctionsShareOneRole() {
        for (Synthesized s : stacks()) {
            Set<String> roles = new HashSet<>();
            for (FunctionSpec family : s.topology().functions()) {
                Set<String> familyRoles = new HashSet<>();
                Set<String> codeKeys = new HashSet<>();
                family.entryPoints().forEach(e -> {
                    JsonNode p = s.functionProperties(family, e);
                    familyRoles.add(TemplateJson.referencedId(p.path("Role")));
                    codeKeys.add(p.at("/Code/S3Key").asText());
                });
                assertThat(familyRoles).as(family.family()).hasSize(1);
                assertThat(codeKeys).as(family.family()).hasSize(1).allSatisfy(k -> assertThat(k).endsWith(".jar"));
                roles.addAll(familyRoles);
            }
            assertThat(roles).as("one role per family").hasSize(s.topology().functions().size());
        }
    }

    @Test
    void environmentCarriesTheConfigContractAndNoEndpointOverrides() {
        for (Synthesized s : stacks()) {
            for (FunctionSpec family : s.topology().functions()) {
                family.entryPoints().forEach(e -> {
                    String name = s.stage().functionName(family, e);
                    JsonNode env = s.functionProperties(family, e).at("/Environment/Variables");
                    assertThat(env.path(var(ConfigKeys.STAGE)).asText()).isEqualTo(s.stage().name());
                    assertThat(env.path(var(ConfigKeys.FUNCTION_TIMEOUT_SECONDS)).asText())
                            .isEqualTo(Integer.toString(family.timeoutSeconds()));
                    assertThat(env.path(var(ConfigKeys.REGION)).path("Ref").asText()).isEqualTo("AWS::Region");
                    assertThat(env.path("JAVA_TOOL_OPTIONS").asText())
                            .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
                    String busId = s.json().logicalIdByName("AWS::Events::EventBus", "Name",
                            s.stage().eventBusName(s.topology().eventBus()));
                    if (family.access().publishEvents()) {
                        assertThat(TemplateJson.referencedId(env.path(var(ConfigKeys.EVENT_BUS)))).isEqualTo(busId);
                    } else {
                        assertThat(env.has(var(ConfigKeys.EVENT_BUS))).as("%s is not told the bus", name).isFalse();
                    }
                    family.access().tables().forEach(t -> assertThat(TemplateJson.referencedId(env.path(var(ConfigKeys.table(t)))))
                            .isEqualTo(s.json().logicalIdByName("AWS::DynamoDB::Table", "TableName", s.stage().resourceName(t))));
                    family.access().sendToQueues().forEach(q -> assertThat(TemplateJson.referencedId(env.path(var(ConfigKeys.queueUrl(q)))))
                            .isEqualTo(queueId(s, q)));
                    family.access().buckets().forEach(b -> assertThat(env.path(var(ConfigKeys.bucket(b))).has("Ref"))
                            .as("%s gets bucket %s", name, b).isTrue());
                    assertThat(env.fieldNames()).toIterable()
                            .noneMatch(k -> k.startsWith(var(ConfigKeys.ENDPOINT_PREFIX)));
                    if (family.access().sendEmail()) {
                        assertThat(env.path(var(ConfigKeys.APP_BASE_URL)).asText()).startsWith("https://");
                        assertThat(env.path(var(ConfigKeys.MAIL_FROM)).asText()).isEqualTo(s.stage().mailFrom());
                        String apiId = s.json().resources("AWS::ApiGatewayV2::Api").keySet().iterator().next();
                        assertThat(TemplateJson.refersTo(env.path(var(ConfigKeys.API_BASE_URL)), apiId))
                                .as("%s links to the API's own endpoint", name).isTrue();
                    }
                });
            }
        }
    }

    @Test
    void everyQueueHandlerIsAnEventSourceMappingOnItsAliasReportingBatchItemFailures() {
        for (Synthesized s : stacks()) {
            assertThat(s.json().resources("AWS::Lambda::EventSourceMapping")).as("none in the parent").isEmpty();
            for (FunctionSpec family : s.topology().functions()) {
                TemplateJson nested = s.functions(family);
                Map<String, JsonNode> mappings = nested.resources("AWS::Lambda::EventSourceMapping");
                assertThat(mappings).as(family.family()).hasSize(family.queueHandlers().size());
                mappings.values().forEach(m -> assertThat(TemplateJson.oneOrMany(m.at("/Properties/FunctionResponseTypes")))
                        .extracting(JsonNode::asText).contains("ReportBatchItemFailures"));
                for (QueueHandler handler : family.queueHandlers()) {
                    String aliasId = alias(s, family, handler).aliasId();
                    String queueId = queueId(s, handler.queue());
                    List<JsonNode> mine = mappings.values().stream()
                            .filter(m -> TemplateJson.refersTo(m.at("/Properties/FunctionName"), aliasId)).toList();
                    assertThat(mine).as(handler.name()).hasSize(1);
                    JsonNode p = mine.get(0).path("Properties");
                    assertThat(nested.parentId(p.path("EventSourceArn"))).isEqualTo(queueId);
                    assertThat(p.path("BatchSize").asInt()).isEqualTo(handler.batchSize());
                    assertThat(p.path("MaximumBatchingWindowInSeconds").asInt(0)).isEqualTo(handler.maxBatchingWindowSeconds());
                    assertThat(p.at("/ScalingConfig/MaximumConcurrency").asInt()).isEqualTo(handler.maximumConcurrency());
                }
            }
        }
    }

    @Test
    void everyScheduledHandlerIsAScheduleRuleOnTheDefaultBusInvokingItsAlias() {
        Synthesized s = SynthesizedStacks.sample();
        for (FunctionSpec family : s.topology().functions()) {
            TemplateJson nested = s.functions(family);
            for (ScheduledHandler handler : family.scheduledHandlers()) {
                String ruleId = nested.logicalIdByName("AWS::Events::Rule", "Name", s.stage().functionName(family, handler));
                JsonNode rule = nested.properties(ruleId);
                String aliasId = alias(s, family, handler).aliasId();
                assertThat(rule.path("ScheduleExpression").asText()).isEqualTo(handler.scheduleExpression());
                assertThat(rule.has("EventBusName")).as("default bus").isFalse();
                assertThat(TemplateJson.oneOrMany(rule.path("Targets")))
                        .singleElement().satisfies(t -> assertThat(TemplateJson.referencedId(t.path("Arn"))).isEqualTo(aliasId));
                assertThat(nested.resources("AWS::Lambda::Permission").values())
                        .anySatisfy(perm -> {
                            assertThat(perm.at("/Properties/Principal").asText()).isEqualTo("events.amazonaws.com");
                            assertThat(TemplateJson.referencedId(perm.at("/Properties/FunctionName"))).isEqualTo(aliasId);
                            assertThat(TemplateJson.referencedId(perm.at("/Properties/SourceArn"))).isEqualTo(ruleId);
                        });
            }
        }
        // The real topology's schedules are wired the same way.
        Synthesized real = SynthesizedStacks.penguinMails();
        real.topology().functions().forEach(f -> f.scheduledHandlers().forEach(h ->
                assertThat(real.functions(f).properties(real.functions(f).logicalIdByName("AWS::Events::Rule", "Name",
                        real.stage().functionName(f, h))).path("ScheduleExpression").asText())
                        .isEqualTo(h.scheduleExpression())));
    }

    @Test
    void noPolicyAnywhereGrantsEveryActionOrEveryResourceButXRayWhichHasNoResources() {
        for (Synthesized s : stacks()) {
            List<JsonNode> statements = s.policyStatements();
            assertThat(statements).isNotEmpty();
            assertThat(statements).allSatisfy(st -> {
                assertThat(TemplateJson.actions(st).toList()).as("%s", st).doesNotContain("*");
                // X-Ray's trace actions have no resource-level permissions; nothing else may take Resource "*".
                boolean xrayOnly = TemplateJson.actions(st).allMatch(a ->
                        a.equals("xray:PutTraceSegments") || a.equals("xray:PutTelemetryRecords"));
                assertThat(TemplateJson.oneOrMany(st.path("Resource"))).as("%s", st)
                        .noneMatch(r -> !xrayOnly && r.isTextual() && r.asText().equals("*"));
                assertThat(st.has("NotAction")).as("%s", st).isFalse();
            });
        }
    }

    @Test
    void eachFamilyRoleGrantsExactlyWhatItsAccessNames() {
        Synthesized s = SynthesizedStacks.sample();
        for (FunctionSpec family : s.topology().functions()) {
            String roleId = s.roleOf(family);
            List<JsonNode> statements = s.statementsOfRole(roleId);
            FunctionSpec.Access access = family.access();

            Set<String> tableIds = resourcesOf(statements, "dynamodb:PutItem");
            assertThat(tableIds).isEqualTo(access.tables().stream().map(t ->
                    s.json().logicalIdByName("AWS::DynamoDB::Table", "TableName", s.stage().resourceName(t))).collect(Collectors.toSet()));
            // Each declared index is named; no index/* wildcard.
            List<String> queried = statements.stream().filter(st -> TemplateJson.actions(st).anyMatch("dynamodb:Query"::equals))
                    .flatMap(st -> TemplateJson.oneOrMany(st.path("Resource")).stream()).map(JsonNode::toString).toList();
            assertThat(queried).noneMatch(r -> r.contains("/index/*"));
            access.tables().forEach(t -> s.topology().table(t).orElseThrow().indexes().forEach(index ->
                    assertThat(queried).anyMatch(r -> r.contains("/index/" + index.name() + "\""))));
            // Item actions only: nothing that manages, describes or drops a table, and no wildcards.
            assertThat(TemplateJson.actions(statements).filter(a -> a.startsWith("dynamodb:")))
                    .noneMatch(a -> a.contains("Table") || a.contains("*"));

            assertThat(resourcesOf(statements, "s3:GetObject")).hasSize(access.buckets().size());
            // Its own queues, and the failed-invocations destination if it has scheduled runs.
            Set<String> sendsTo = new HashSet<>(access.sendToQueues());
            if (!family.scheduledHandlers().isEmpty()) {
                sendsTo.add("failed-invocations");
            }
            assertThat(resourcesOf(statements, "sqs:SendMessage")).isEqualTo(sendsTo.stream().map(q ->
                    s.json().logicalIdByName("AWS::SQS::Queue", "QueueName", s.stage().resourceName(q))).collect(Collectors.toSet()));
            assertThat(resourcesOf(statements, "sqs:ReceiveMessage")).isEqualTo(family.queueHandlers().stream().map(h ->
                    s.json().logicalIdByName("AWS::SQS::Queue", "QueueName", s.stage().resourceName(h.queue()))).collect(Collectors.toSet()));
            assertThat(resourcesOf(statements, "events:PutEvents")).hasSize(access.publishEvents() ? 1 : 0);
            assertThat(TemplateJson.actions(statements).anyMatch("ses:SendEmail"::equals)).isEqualTo(access.sendEmail());
            assertThat(resourcesOf(statements, "logs:PutLogEvents")).hasSize((int) family.entryPoints().count());
        }
    }

    private static Set<String> resourcesOf(List<JsonNode> statements, String action) {
        return statements.stream()
                .filter(st -> st.path("Effect").asText().equals("Allow") && TemplateJson.actions(st).anyMatch(action::equals))
                .flatMap(st -> TemplateJson.oneOrMany(st.path("Resource")).stream())
                .flatMap(r -> TemplateJson.referencedIds(r).stream())
                .collect(Collectors.toSet());
    }

    private static FunctionWithAlias alias(Synthesized s, FunctionSpec family, EntryPoint entryPoint) {
        return s.function(family, entryPoint);
    }

    private static String var(String key) {
        return ConfigKeys.environmentVariable(key);
    }

    /** A queue's logical id, found by its physical name (with the .fifo suffix of a FIFO queue). */
    private static String queueId(Synthesized s, String logicalQueue) {
        QueueSpec spec = s.topology().queue(logicalQueue).orElseThrow();
        return s.json().logicalIdByName("AWS::SQS::Queue", "QueueName", spec.physicalName(s.stage().resourceName(logicalQueue)));
    }
}
