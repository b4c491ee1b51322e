package dev.penguinmails.testsupport.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.topology.HttpRoute;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyRoutesTest {

    @Test
    void methodsAndVariablesAndGreedyRoutesMatchAsApiGatewayMatchesThem() {
        assertThat(TopologyRoutes.delivers(HttpRoute.of("ANY /v1/things/{id}"), "DELETE /v1/things/{}")).isTrue();
        assertThat(TopologyRoutes.delivers(HttpRoute.of("POST /v1/things/{id}"), "GET /v1/things/{}")).isFalse();
        assertThat(TopologyRoutes.delivers(HttpRoute.of("ANY /v1/things"), "GET /v1/things/{}")).isFalse();
        assertThat(TopologyRoutes.delivers(HttpRoute.of("ANY /v1/auth/{proxy+}"), "POST /v1/auth/password-reset/confirm"))
                .isTrue();
        assertThat(TopologyRoutes.delivers(HttpRoute.of("ANY /v1/auth/{proxy+}"), "POST /v1/auth")).isFalse();
        assertThat(TopologyRoutes.delivers(HttpRoute.of("ANY /v1/things/count"), "GET /v1/things/{}")).isFalse();
    }

    @Test
    void aControllerRouteMissingFromTheTopologyAndATopologyRouteWithoutControllerAreBothReported() {
        TopologyRoutes.Report report = TopologyRoutes.compare(
                Set.of("GET /v1/things", "POST /v1/things", "GET /v1/secret"),
                List.of(HttpRoute.of("ANY /v1/things"), HttpRoute.of("GET /v1/gone/{id}")));

        assertThat(report.unrouted()).containsExactly("GET /v1/secret");
        assertThat(report.withoutController()).containsExactly("GET /v1/gone/{id}");
    }
}
