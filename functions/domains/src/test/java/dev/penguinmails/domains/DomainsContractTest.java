package dev.penguinmails.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.openapi.OpenApiCoverage;
import dev.penguinmails.testsupport.routes.TopologyRoutes;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The family's routes are declared once (the topology) and every one is documented. */
@MicronautTest
@Tag("integration")
class DomainsContractTest extends DomainsApiTest {

    @Test
    void everyControllerRouteIsInTheTopologyAndBack() {
        TopologyRoutes.Report report = TopologyRoutes.check(context,
                PenguinMailsTopology.define().function(PenguinMailsTopology.DOMAINS).orElseThrow());

        assertThat(report.unrouted()).as("controller routes API Gateway would never deliver").isEmpty();
        assertThat(report.withoutController()).as("topology routes no controller answers").isEmpty();
    }

    @Test
    void everyRouteIsDocumented() {
        OpenApiCoverage.Report report = OpenApiCoverage.check(context);

        assertThat(report.routes()).contains("POST /v1/workspaces/{}/domains", "GET /v1/workspaces/{}/domains/{}");
        assertThat(report.undocumented()).isEmpty();
        assertThat(report.stale()).isEmpty();
    }
}
