package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.Topology;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTP events the probe builds without a stack: the reference's, an authenticated request's, an authorizer's. */
class ProbeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topology TOPOLOGY = PenguinMailsTopology.define();
    private static final ProbeEvents EVENTS = new ProbeEvents(JSON, TOPOLOGY, Map.of(), "pm-",
            URI.create("http://127.0.0.1:18080"), FixtureAccess.projectRoot().resolve(QueueFeed.SAMPLES));
    private static final AuthenticatedRequest REQUEST = new AuthenticatedRequest("/v1/workspaces/ws1", "Bearer abc",
            Optional.of("{\"accountId\":\"acc1\"}"));

    @Test
    void theReferenceIsCalledOnItsOneRoute() throws Exception {
        FunctionSpec reference = ReferenceFunction.spec(1024);
        ProbeEvent event = EVENTS.forEntryPoint(new ProbeTarget(reference, reference.httpApi().orElseThrow(), List.of()),
                Optional.empty());

        JsonNode json = JSON.readTree(event.json());
        assertThat(json.path("routeKey").asText()).isEqualTo("GET /reference");
        assertThat(json.path("requestContext").path("http").path("method").asText()).isEqualTo("GET");
        assertThat(event.route()).isEqualTo("GET /reference");
        assertThat(event.settle("{\"statusCode\":200,\"body\":\"{}\"}").succeeded()).isTrue();
        assertThat(event.settle("{\"statusCode\":500,\"body\":\"{}\"}").succeeded()).isFalse();
    }

    @Test
    void anAuthenticatedRequestCarriesItsCredentialAndTheAuthorizersContext() throws Exception {
        ProbeEvent event = EVENTS.forEntryPoint(identity("api"), Optional.of(REQUEST));

        JsonNode json = JSON.readTree(event.json());
        assertThat(json.path("headers").path("authorization").asText()).isEqualTo("Bearer abc");
        assertThat(json.path("pathParameters").path("workspaceId").asText()).isEqualTo("ws1");
        assertThat(json.path("requestContext").path("authorizer").path("lambda").path("accountId").asText())
                .isEqualTo("acc1");
        assertThat(event.route()).isEqualTo("GET /v1/workspaces/{workspaceId}");
    }

    @Test
    void theAuthorizerGetsThePayload2RequestEventOfTheRequest() throws Exception {
        ProbeEvent event = EVENTS.forEntryPoint(identity("authorizer"), Optional.of(REQUEST));

        JsonNode json = JSON.readTree(event.json());
        assertThat(json.path("version").asText()).isEqualTo("2.0");
        assertThat(json.path("type").asText()).isEqualTo("REQUEST");
        assertThat(json.path("routeArn").asText()).startsWith("arn:aws:execute-api:us-east-1:")
                .endsWith("/$default/GET/v1/workspaces/ws1");
        assertThat(json.path("identitySource")).hasSize(1);
        assertThat(json.path("identitySource").get(0).asText()).isEqualTo("Bearer abc");
        assertThat(json.path("routeKey").asText()).isEqualTo(event.route()).endsWith(" /v1/workspaces/{workspaceId}");
        assertThat(json.path("rawPath").asText()).isEqualTo("/v1/workspaces/ws1");
        assertThat(json.path("headers").path("authorization").asText()).isEqualTo("Bearer abc");
        assertThat(json.path("pathParameters").path("workspaceId").asText()).isEqualTo("ws1");
        assertThat(json.path("requestContext").path("requestId").asText()).isNotEmpty();
        assertThat(json.has("body")).isFalse();
        assertThat(json.has("isBase64Encoded")).isFalse();

        String context = "{\"verdict\":\"ALLOW\",\"accountId\":\"acc1\"}";
        ProbeEvent.Verdict allowed = event.settle("{\"isAuthorized\":true,\"context\":" + context + "}");
        assertThat(allowed.succeeded()).isTrue();
        assertThat(allowed.authorizerContext()).contains(context);
        assertThat(event.settle("{\"isAuthorized\":false}").succeeded()).isFalse();
        assertThat(event.settle("{\"isAuthorized\":true,\"context\":{\"verdict\":\"UNAUTHENTICATED\"}}").succeeded())
                .as("a credential the function would refuse is no authorized first request").isFalse();
    }

    @Test
    void aRequestToARouteOfNoFunctionIsAUsageError() {
        AuthenticatedRequest nowhere = new AuthenticatedRequest("/v2/nothing", "Bearer abc", Optional.empty());

        assertThatThrownBy(() -> EVENTS.forEntryPoint(identity("api"), Optional.of(nowhere)))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("GET /v2/nothing is not routed to the identity function");
    }

    private static ProbeTarget identity(String entryPoint) {
        FunctionSpec identity = TOPOLOGY.functions().get(0);
        return new ProbeTarget(identity, identity.entryPoints().filter(e -> e.name().equals(entryPoint)).findFirst()
                .orElseThrow(), List.of());
    }
}
