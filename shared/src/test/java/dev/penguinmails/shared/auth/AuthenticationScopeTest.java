package dev.penguinmails.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.topology.HttpRoute;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The authorizer-context filter guards {@code /v1/**}. That is complete only while API Gateway routes
 * nothing else to a function, which this test holds the topology to.
 */
class AuthenticationScopeTest {
    @Test
    void everyRouteApiGatewaySendsToAFunctionIsUnderV1() {
        List<HttpRoute> routes = PenguinMailsTopology.define().functions().stream()
                .flatMap(f -> f.httpApi().stream())
                .flatMap(api -> api.routes().stream())
                .toList();

        assertThat(routes).isNotEmpty();
        assertThat(routes).allSatisfy(route -> assertThat(route.path()).startsWith("/v1/"));
    }
}
