package dev.penguinmails.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.openapi.OpenApiCoverage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(startApplication = false)
@Property(name = OpenApiTestController.ENABLED, value = "true")
class OpenApiCoverageTest {
    @Inject
    ApplicationContext context;

    @Test
    void routesMissingFromTheSpecAndOperationsNoRouteServesAreReported() {
        OpenApiCoverage.Report report = OpenApiCoverage.check(context);

        assertThat(report.routes()).contains("GET /openapi-test/items", "POST /openapi-test/items",
                "GET /openapi-test/items/{}", "DELETE /openapi-test/items/{}");
        assertThat(report.undocumented()).contains("DELETE /openapi-test/items/{}")
                .doesNotContain("GET /openapi-test/items", "POST /openapi-test/items", "GET /openapi-test/items/{}");
        assertThat(report.stale()).containsExactly("PUT /openapi-test/items/{}");
    }

    @Test
    void hiddenRoutesAreNotPublicApi() {
        assertThat(OpenApiCoverage.check(context).routes())
                .doesNotContain("GET /openapi-test/internal")
                .noneMatch(route -> route.contains("/test/"));
    }

    @Test
    void specsAreFoundOnTheClasspath() {
        assertThat(OpenApiCoverage.specs(getClass().getClassLoader()))
                .anySatisfy(url -> assertThat(url.toString()).endsWith("META-INF/swagger/shared-test-0.1.yml"));
    }

    @Test
    void pathsAreComparedWithoutVariableNamesQueryTemplatesOrTrailingSlashes() {
        assertThat(OpenApiCoverage.operation("get", "/v1/workspaces/{workspaceId}/contacts/"))
                .isEqualTo("GET /v1/workspaces/{}/contacts");
        assertThat(OpenApiCoverage.operation("POST", "/v1/me/{proxy:.*}")).isEqualTo("POST /v1/me/{}");
        assertThat(OpenApiCoverage.operation("GET", "/v1/files{/name}")).isEqualTo("GET /v1/files/{}");
        assertThat(OpenApiCoverage.operation("GET", "/")).isEqualTo("GET /");
    }
}
