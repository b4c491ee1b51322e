package dev.penguinmails.contacts.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.openapi.OpenApiCoverage;
import dev.penguinmails.testsupport.routes.TopologyRoutes;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The family's routes are declared once (the topology) and every one is documented. */
@MicronautTest(transactional = false)
@Tag("integration")
class QueryContractTest extends QueryApiTest {

    @Test
    void everyControllerRouteIsInTheTopologyAndBack() {
        TopologyRoutes.Report report = TopologyRoutes.check(context,
                PenguinMailsTopology.define().function(PenguinMailsTopology.CONTACTS_QUERY).orElseThrow());

        assertThat(report.unrouted()).as("controller routes API Gateway would never deliver").isEmpty();
        assertThat(report.withoutController()).as("topology routes no controller answers").isEmpty();
    }

    @Test
    void everyRouteIsDocumented() {
        OpenApiCoverage.Report report = OpenApiCoverage.check(context);

        assertThat(report.routes()).contains("POST /v1/workspaces/{}/segments/preview", "GET /v1/workspaces/{}/lists/{}/members");
        assertThat(report.undocumented()).isEmpty();
        assertThat(report.stale()).isEmpty();
    }
}
