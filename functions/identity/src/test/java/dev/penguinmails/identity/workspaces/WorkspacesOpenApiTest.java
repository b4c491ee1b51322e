package dev.penguinmails.identity.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.openapi.OpenApiCoverage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The workspace, member, invitation, API-key and audit routes are all in the OpenAPI document, and only they. */
@MicronautTest
@Tag("integration")
class WorkspacesOpenApiTest implements TestPropertyProvider {
    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    private static boolean isOurs(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        return path.startsWith("/v1/workspaces") || path.startsWith("/v1/invitations");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        OpenApiCoverage.Report report = OpenApiCoverage.check(context);

        assertThat(report.routes().stream().filter(WorkspacesOpenApiTest::isOurs)).containsExactlyInAnyOrder(
                "GET /v1/workspaces", "POST /v1/workspaces",
                "GET /v1/workspaces/{}", "PATCH /v1/workspaces/{}", "DELETE /v1/workspaces/{}",
                "POST /v1/workspaces/{}/restore",
                "GET /v1/workspaces/{}/members", "PATCH /v1/workspaces/{}/members/{}", "DELETE /v1/workspaces/{}/members/{}",
                "POST /v1/workspaces/{}/transfer-ownership", "POST /v1/workspaces/{}/leave",
                "GET /v1/workspaces/{}/invitations", "POST /v1/workspaces/{}/invitations",
                "POST /v1/workspaces/{}/invitations/{}", "DELETE /v1/workspaces/{}/invitations/{}",
                "POST /v1/invitations/accept",
                "GET /v1/workspaces/{}/api-keys", "POST /v1/workspaces/{}/api-keys", "DELETE /v1/workspaces/{}/api-keys/{}",
                "GET /v1/workspaces/{}/audit-log");
        assertThat(report.undocumented().stream().filter(WorkspacesOpenApiTest::isOurs)).isEmpty();
        assertThat(report.stale().stream().filter(WorkspacesOpenApiTest::isOurs)).isEmpty();
    }
}
