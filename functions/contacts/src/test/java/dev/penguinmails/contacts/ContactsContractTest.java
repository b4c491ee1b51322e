package dev.penguinmails.contacts;

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
class ContactsContractTest extends ContactsApiTest {

    @Test
    void everyControllerRouteIsInTheTopologyAndBack() {
        TopologyRoutes.Report report = TopologyRoutes.check(context,
                PenguinMailsTopology.define().function(PenguinMailsTopology.CONTACTS).orElseThrow());

        assertThat(report.unrouted()).as("controller routes API Gateway would never deliver").isEmpty();
        assertThat(report.withoutController()).as("topology routes no controller answers").isEmpty();
    }

    @Test
    void everyRouteIsDocumented() {
        OpenApiCoverage.Report report = OpenApiCoverage.check(context);

        assertThat(report.routes()).contains("POST /v1/workspaces/{}/contacts", "PATCH /v1/workspaces/{}/contacts/{}",
                "POST /v1/workspaces/{}/suppressions/check", "PUT /v1/workspaces/{}/contact-fields/{}");
        assertThat(report.undocumented()).isEmpty();
        assertThat(report.stale()).isEmpty();
    }
}
