package dev.penguinmails.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.http.RouteTable;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merged document states every operation's security, and what a protected one answers without credentials. */
class OpenApiMergerTest {
    private static final RouteTable ROUTES = new RouteTable(FixtureAccess.topology().httpRoutes().toList());

    @Test
    void anOperationWithoutASecurityRequirementIsDeclaredPublic() throws Exception {
        JsonNode merged = merge("""
                openapi: 3.0.1
                paths:
                  /v1/alpha/beans:
                    get:
                      operationId: listBeans
                      responses:
                        "200": {description: OK}
                """);

        JsonNode op = merged.path("paths").path("/v1/alpha/beans").path("get");
        assertThat(op.path("security").isArray()).isTrue();
        assertThat(op.path("security")).isEmpty();
        assertThat(op.path("responses").has("401")).as("a public operation is not refused for lack of credentials").isFalse();
        assertThat(merged.path("info").path("license").path("name").asText()).isEqualTo(OpenApiMerger.LICENSE);
    }

    @Test
    void aProtectedOperationKeepsItsRequirementAndDocumentsThe401() throws Exception {
        JsonNode merged = merge("""
                openapi: 3.0.1
                security:
                  - bearer: []
                paths:
                  /v1/alpha/beans:
                    get:
                      operationId: listBeans
                      responses:
                        "200": {description: OK}
                  /v1/alpha/echo/{id}:
                    post:
                      operationId: echo
                      security:
                        - bearer: []
                        - {}
                      responses:
                        "200": {description: OK}
                """);

        JsonNode inherited = merged.path("paths").path("/v1/alpha/beans").path("get");
        assertThat(inherited.path("security").path(0).has("bearer")).as("the document's default applies").isTrue();
        assertThat(inherited.path("responses").path("401").path("description").asText()).isNotBlank();
        assertThat(merged.has("security")).as("no root default hides what an operation needs").isFalse();
        JsonNode optional = merged.path("paths").path("/v1/alpha/echo/{id}").path("post");
        assertThat(optional.path("security")).hasSize(2);
        assertThat(optional.path("responses").has("401")).as("credentials are optional there").isFalse();
    }

    private static JsonNode merge(String document) throws Exception {
        String yaml = new OpenApiMerger().merge(List.of(new OpenApiMerger.FunctionDocs("alpha", List.of(document))),
                ROUTES, URI.create("http://127.0.0.1:8080"));
        return new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }
}
