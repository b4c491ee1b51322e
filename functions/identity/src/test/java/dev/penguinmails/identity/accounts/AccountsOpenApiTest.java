package dev.penguinmails.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.openapi.OpenApiCoverage;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every account, login and session endpoint is in the generated OpenAPI document, and the document names no dead one. */
@MicronautTest
@Tag("integration")
class AccountsOpenApiTest extends IdentityApiTest {
    private static final List<String> OURS = List.of("/v1/signup", "/v1/auth/", "/v1/me");

    @Test
    void everyAccountRouteIsDocumented() {
        OpenApiCoverage.Report report = OpenApiCoverage.check(context);

        List<String> ours = report.routes().stream().filter(AccountsOpenApiTest::isOurs).toList();
        assertThat(ours).contains("POST /v1/signup", "POST /v1/auth/login", "POST /v1/auth/refresh",
                "POST /v1/auth/logout", "POST /v1/auth/logout-all", "POST /v1/auth/verify-email",
                "POST /v1/auth/resend-verification", "POST /v1/auth/password-reset",
                "POST /v1/auth/password-reset/confirm", "GET /v1/me", "PATCH /v1/me", "POST /v1/me/email-change",
                "POST /v1/me/email-change/confirm", "GET /v1/me/sessions", "DELETE /v1/me/sessions/{}",
                "GET /v1/me/login-activity");
        assertThat(report.undocumented().stream().filter(AccountsOpenApiTest::isOurs)).isEmpty();
        assertThat(report.stale().stream().filter(AccountsOpenApiTest::isOurs)).isEmpty();
    }

    private static boolean isOurs(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        return OURS.stream().anyMatch(path::startsWith);
    }
}
