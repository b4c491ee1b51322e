package dev.penguinmails.cdk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import dev.penguinmails.cdk.TemplateJson;
import dev.penguinmails.topology.Topology.RoutedHttp;
import software.amazon.awscdk.assertions.Match;

class HttpApiTemplateTest {

    private static List<Synthesized> stacks() {
        return List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample());
    }

    @Test
    void everyTopologyRouteIsIntegratedWithItsFamilysApiAlias() {
        for (Synthesized s : stacks()) {
            Map<String, JsonNode> routes = s.json().resources("AWS::ApiGatewayV2::Route");
            List<RoutedHttp> expected = s.topology().httpRoutes().toList();
            assertThat(routes.values()).extracting(r -> r.at("/Properties/RouteKey").asText())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(r -> r.route().routeKey()).toList());
            for (RoutedHttp routed : expected) {
                JsonNode route = routes.values().stream()
                        .filter(r -> r.at("/Properties/RouteKey").asText().equals(routed.route().routeKey()))
                        .findFirst().orElseThrow();
                String integrationId = TemplateJson.referencedIds(route.at("/Properties/Target")).iterator().next();
                JsonNode integration = s.json().properties(integrationId);
                String aliasId = s.function(routed.function(), routed.handler()).aliasId();
                assertThat(integration.path("IntegrationType").asText()).isEqualTo("AWS_PROXY");
                assertThat(integration.path("PayloadFormatVersion").asText()).isEqualTo("2.0");
                // The alias lives in the family's nested stack, which hands its ARN to the parent as an output.
                assertThat(s.nestedId(routed.function().family(), integration.path("IntegrationUri")))
                        .as("route %s goes to %s's live alias", routed.route().routeKey(), routed.function().family())
                        .isEqualTo(aliasId);
            }
        }
    }

    @Test
    void everyRouteButThePublicOnesRunsTheTopologysAuthorizerWithSimpleCachedResponses() {
        for (Synthesized s : stacks()) {
            var routed = s.topology().authorizer().orElseThrow();
            Map<String, JsonNode> authorizers = s.json().resources("AWS::ApiGatewayV2::Authorizer");
            assertThat(authorizers).hasSize(1);
            String authorizerId = authorizers.keySet().iterator().next();
            JsonNode authorizer = authorizers.get(authorizerId).path("Properties");
            assertThat(authorizer.path("AuthorizerType").asText()).isEqualTo("REQUEST");
            assertThat(authorizer.path("AuthorizerPayloadFormatVersion").asText()).isEqualTo("2.0");
            assertThat(authorizer.path("EnableSimpleResponses").asBoolean()).isTrue();
            assertThat(authorizer.path("IdentitySource").get(0).asText()).isEqualTo("$request.header.Authorization");
            assertThat(authorizer.path("AuthorizerResultTtlInSeconds").asInt()).isEqualTo(routed.handler().resultTtlSeconds());
            String aliasId = s.function(routed.function(), routed.handler()).aliasId();
            assertThat(s.nestedIds(routed.function().family(), authorizer.path("AuthorizerUri")))
                    .as("invokes the authorizer's live alias").containsExactly(aliasId);

            Map<String, JsonNode> routes = s.json().resources("AWS::ApiGatewayV2::Route");
            s.topology().httpRoutes().forEach(r -> {
                JsonNode route = routes.values().stream()
                        .filter(x -> x.at("/Properties/RouteKey").asText().equals(r.route().routeKey()))
                        .findFirst().orElseThrow().path("Properties");
                if (r.route().isPublic()) {
                    assertThat(route.path("AuthorizationType").asText("NONE")).as(r.route().routeKey()).isEqualTo("NONE");
                } else {
                    assertThat(route.path("AuthorizationType").asText()).as(r.route().routeKey()).isEqualTo("CUSTOM");
                    assertThat(TemplateJson.referencedId(route.path("AuthorizerId"))).isEqualTo(authorizerId);
                }
            });
            assertThat(s.topology().httpRoutes().filter(r -> r.route().isPublic())).as("both kinds are exercised").isNotEmpty();
        }
    }

    @Test
    void apiGatewayMayInvokeEachApiAliasThroughOnePermission() {
        for (Synthesized s : stacks()) {
            s.topology().functions().stream().filter(f -> f.httpApi().isPresent()).forEach(f -> {
                String aliasId = s.function(f, f.httpApi().get()).aliasId();
                // The permission lives beside the routes, in the parent, and names the alias through the nested
                // stack's output; none may hide in the nested stack either.
                long inParent = s.json().resources("AWS::Lambda::Permission").values().stream()
                        .filter(p -> p.at("/Properties/Principal").asText().equals("apigateway.amazonaws.com"))
                        .filter(p -> s.nestedIds(f.family(), p.at("/Properties/FunctionName")).equals(java.util.Set.of(aliasId)))
                        .count();
                long inNested = s.functions(f).resources("AWS::Lambda::Permission").values().stream()
                        .filter(p -> p.at("/Properties/Principal").asText().equals("apigateway.amazonaws.com"))
                        .filter(p -> aliasId.equals(TemplateJson.referencedId(p.at("/Properties/FunctionName"))))
                        .count();
                assertThat(inParent + inNested).as(f.family()).isEqualTo(1);
            });
        }
    }

    @Test
    void theDefaultStageIsThrottledAndWritesJsonAccessLogs() {
        for (Synthesized s : stacks()) {
            s.template().resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
            JsonNode stage = s.json().resources("AWS::ApiGatewayV2::Stage").values().iterator().next().path("Properties");
            assertThat(stage.path("StageName").asText()).isEqualTo("$default");
            assertThat(stage.path("AutoDeploy").asBoolean()).isTrue();
            assertThat(stage.at("/DefaultRouteSettings/ThrottlingRateLimit").asInt()).isEqualTo(HttpApiGateway.THROTTLE_RATE_PER_SECOND);
            assertThat(stage.at("/DefaultRouteSettings/ThrottlingBurstLimit").asInt()).isEqualTo(HttpApiGateway.THROTTLE_BURST);
            String logGroupId = TemplateJson.referencedId(stage.at("/AccessLogSettings/DestinationArn"));
            assertThat(s.json().resource(logGroupId).path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(s.json().properties(logGroupId).path("RetentionInDays").asInt()).isPositive();
            assertThat(stage.at("/AccessLogSettings/Format").asText()).contains("$context.requestId", "$context.routeKey", "$context.status");
        }
    }

    @Test
    void corsAllowsTheConfiguredOriginsAndOurHeaders() {
        SynthesizedStacks.penguinMails().template().hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "ProtocolType", "HTTP",
                "CorsConfiguration", Match.objectLike(Map.of(
                        "AllowOrigins", List.of("*"),
                        "AllowHeaders", Match.arrayWith(List.of("Authorization", "Content-Type", "Idempotency-Key"))))));
        SynthesizedStacks.sample().template().hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "CorsConfiguration", Match.objectLike(Map.of(
                        "AllowOrigins", List.of("https://app.example.com", "https://admin.example.com")))));
    }
}
