package dev.penguinmails.identity.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.routes.TopologyRoutes;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every identity controller route is routed by the topology, and every identity topology route has a controller. */
@MicronautTest
@Tag("integration")
class RoutesDeclaredOnceTest implements TestPropertyProvider {
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @Test
    void theTopologyAndTheControllersDeclareTheSameRoutes() {
        TopologyRoutes.Report report = TopologyRoutes.check(context,
                PenguinMailsTopology.define().function(PenguinMailsTopology.IDENTITY).orElseThrow());

        assertThat(report.unrouted()).as("controller routes API Gateway would never deliver").isEmpty();
        assertThat(report.withoutController()).as("topology routes no controller answers").isEmpty();
    }
}
