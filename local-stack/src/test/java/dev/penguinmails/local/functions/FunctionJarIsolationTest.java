package dev.penguinmails.local.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStackException;
import dev.penguinmails.topology.HttpApiHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each function runs in its own class loader: it sees neither the local stack nor another function. */
class FunctionJarIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FunctionJar alpha;
    private static FunctionJar beta;

    @BeforeAll
    static void open() {
        alpha = FunctionJar.open("alpha", FixtureAccess.alphaClasspath(), FixtureAccess.functionEnvironment());
        beta = FunctionJar.open("beta", FixtureAccess.betaClasspath(), FixtureAccess.functionEnvironment());
    }

    @AfterAll
    static void close() {
        alpha.close();
        beta.close();
    }

    @Test
    void eachFunctionsMicronautContextHoldsOnlyItsOwnBeans() throws Exception {
        JsonNode alphaBeans = body(alpha.invoke(HttpApiHandler.MICRONAUT_HANDLER, get("/v1/alpha/beans"), "alpha-api", 30_000));
        JsonNode betaBeans = body(beta.invoke(HttpApiHandler.MICRONAUT_HANDLER, get("/v1/beta/beans"), "beta-api", 30_000));

        assertThat(alphaBeans.toString()).contains("fixtures.alpha.AlphaBean").doesNotContain("fixtures.beta");
        assertThat(betaBeans.toString()).contains("fixtures.beta.BetaBean").doesNotContain("fixtures.alpha");
    }

    @Test
    void aFunctionSeesNoLocalStackClassAndNoOtherFunctionsClass() throws Exception {
        JsonNode response = JSON.readTree(alpha.invoke(HttpApiHandler.MICRONAUT_HANDLER, get("/v1/alpha/loader"), "alpha-api", 30_000));
        String answer = response.path("body").asText();

        assertThat(answer).isEqualTo("function-alpha|false|false");
        assertThat(Class.forName("dev.penguinmails.local.LocalStack")).isNotNull();
    }

    @Test
    void theSameLibraryClassIsADifferentClassInEachFunction() throws Exception {
        Class<?> inAlpha = Class.forName("io.micronaut.context.ApplicationContext", false, alpha.classLoader());
        Class<?> inBeta = Class.forName("io.micronaut.context.ApplicationContext", false, beta.classLoader());

        assertThat(inAlpha).isNotSameAs(inBeta);
        assertThat(inAlpha.getClassLoader()).isSameAs(alpha.classLoader());
    }

    @Test
    void aHandlerErrorComesBackAsAHandlerExceptionNamingTheFunctionsException() {
        assertThatThrownBy(() -> alpha.invoke("dev.penguinmails.local.fixtures.alpha.NoSuchHandler", "{}", "alpha-x", 1_000))
                .isInstanceOf(FunctionJar.HandlerException.class)
                .hasMessageContaining("NoSuchHandler");
    }

    @Test
    void aJarWithoutTheLocalInvokerIsRefusedWithOneSentence() {
        Path jar = FixtureAccess.betaJarOnly();

        assertThatThrownBy(() -> FunctionJar.open("lonely", List.of(jar)))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining(FunctionJar.INVOKER);
    }

    @Test
    void openApiDocumentsAreReadFromTheJar() {
        assertThat(alpha.resources("META-INF/swagger", ".yml")).singleElement().asString().contains("/v1/alpha/echo/{id}");
        assertThat(beta.resources("META-INF/swagger", ".yml")).isEmpty();
    }

    @Test
    void theRealIdentityJarLoadsWhenItHasBeenBuilt() {
        Path identity = FixtureAccess.projectRoot().resolve("functions/identity/target/identity-lambda.jar");
        assumeTrue(Files.exists(identity), "functions/identity has not been built");
        try (FunctionJar jar = FunctionJar.open("identity", List.of(identity))) {
            assertThat(jar.classLoader().getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
            assertThat(jar.classLoader().getResource(FunctionJar.INVOKER.replace('.', '/') + ".class").toString())
                    .as("the invoker comes from the local runtime beside the jar").doesNotContain("identity-lambda.jar");
        }
    }

    @Test
    void eachFunctionSeesTheEnvironmentItWasGivenAndNoSystemProperty() throws Exception {
        JsonNode stage = body(beta.invoke(HttpApiHandler.MICRONAUT_HANDLER, get("/v1/beta/sees?keys=penguinmails.stage"),
                "beta-api", 30_000));
        JsonNode table = body(beta.invoke(HttpApiHandler.MICRONAUT_HANDLER,
                get("/v1/beta/sees?keys=penguinmails.tables.alpha"), "beta-api", 30_000));

        assertThat(stage.path("penguinmails.stage").asText()).isEqualTo("local");
        assertThat(table.path("penguinmails.tables.alpha").asText()).as("a key it was not given").isEmpty();
        assertThat(stage.path("system:penguinmails.stage").asText()).isEmpty();
    }

    private static String get(String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        String path = parts[0];
        String query = parts.length > 1 ? parts[1] : "";
        return """
                {"version":"2.0","routeKey":"GET %1$s","rawPath":"%1$s","rawQueryString":"%2$s",%3$s
                 "headers":{"accept":"application/json","host":"127.0.0.1"},
                 "requestContext":{"accountId":"000000000000","apiId":"local","domainName":"127.0.0.1",
                   "http":{"method":"GET","path":"%1$s","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"test"},
                   "requestId":"r1","routeKey":"GET %1$s","stage":"$default","time":"01/Jan/2026:00:00:00 +0000",
                   "timeEpoch":1767225600000},
                 "isBase64Encoded":false}
                """.formatted(path, query, query.isEmpty() ? "" : "\"queryStringParameters\":{\"" + query.replace("=", "\":\"") + "\"},");
    }

    private static JsonNode body(String response) throws Exception {
        JsonNode json = JSON.readTree(response);
        assertThat(json.path("statusCode").asInt()).as(response).isEqualTo(200);
        return JSON.readTree(json.path("body").asText());
    }
}
