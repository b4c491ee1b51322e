package dev.penguinmails.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.penguinmails.testsupport.TestAws;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local stack in this JVM on free ports, with two small fixture functions instead of the
 * real ones: HTTP through API Gateway v2 events into Micronaut, SQS polling, schedules, docs, admin.
 */
class LocalStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PREFIX = "ls-";
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        // On the test JVM's shared emulators, under a prefix of its own, as an end-to-end test would.
        stack = LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withTopology(FixtureFunctions.topology(), FixtureFunctions.classpath())
                .withLocalAws(TestAws.shared(), PREFIX));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
            assertThat(System.getProperty("penguinmails.tables.alpha")).as("properties are restored").isNull();
            assertThat(TestAws.shared().clients().sqs().listQueues().queueUrls()).as("shared emulators keep running")
                    .isNotEmpty();
        }
    }

    @Test
    void anHttpRequestReachesTheFunctionsControllerThroughItsLambdaHandler() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/alpha/echo/42?q=find"))
                .header("Content-Type", "application/json").header("X-Note", "hello")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Pingu\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.path("id").asText()).isEqualTo("42");
        assertThat(echo.path("q").asText()).isEqualTo("find");
        assertThat(echo.path("note").asText()).isEqualTo("hello");
        assertThat(echo.path("greeting").asText()).isEqualTo("alpha greets Pingu");
        assertThat(response.headers().firstValue("X-Handled-By")).contains("alpha");
        assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("alpha=yes"));
    }

    @Test
    void functionsAreIsolatedFromEachOtherAndFromTheLocalStack() throws Exception {
        String alphaBeans = send(HttpRequest.newBuilder(url("/v1/alpha/beans"))).body();
        String betaBeans = send(HttpRequest.newBuilder(url("/v1/beta/beans"))).body();
        String loader = send(HttpRequest.newBuilder(url("/v1/alpha/loader"))).body();

        assertThat(alphaBeans).contains("AlphaBean").doesNotContain("Beta");
        assertThat(betaBeans).contains("BetaBean").doesNotContain("Alpha");
        assertThat(loader).isEqualTo("function-alpha|false|false");
    }

    @Test
    void functionsFindTheProvisionedResourcesThroughSystemProperties() {
        assertThat(System.getProperty("penguinmails.tables.alpha")).isEqualTo(PREFIX + "alpha");
        assertThat(System.getProperty("penguinmails.stage")).isEqualTo("local");
        assertThat(System.getProperty("penguinmails.aws.endpoints.dynamodb")).startsWith("http://127.0.0.1:");
    }

    @Test
    void unknownRoutesAreA404ProblemAndFailuresA500Problem() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(url("/v1/nowhere")));
        HttpResponse<String> boom = send(HttpRequest.newBuilder(url("/v1/alpha/boom")));
        HttpResponse<String> slow = send(HttpRequest.newBuilder(url("/v1/alpha/slow")));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("type").asText()).isEqualTo("https://penguinmails.dev/problems/not-found");
        // The controller's exception is the function's own business: Micronaut answers 500 itself.
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(slow.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(slow.body()).path("type").asText()).isEqualTo("https://penguinmails.dev/problems/function-timeout");
    }

    @Test
    void queuedMessagesAreHandledAndFailuresEndInTheDeadLetterQueue() throws Exception {
        String url = stack.stack().queueUrl("alpha-work");
        var sqs = stack.localAws().clients().sqs();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("fine"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("fail"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode queues = JSON.readTree(send(HttpRequest.newBuilder(url("/_local/queues"))).body());
            JsonNode work = queues.path("queues").get(0);
            assertThat(work.path("name").asText()).isEqualTo("alpha-work");
            assertThat(work.path("queue").path("visible").asInt() + work.path("queue").path("inFlight").asInt()).isZero();
            assertThat(work.path("deadLetterQueue").path("visible").asInt()).isEqualTo(1);
        });
        String dlq = stack.stack().deadLetterQueueUrls().get("alpha-work");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(dlq)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("fail"));
    }

    @Test
    void aScheduleRunsOnDemandWithARealScheduledEvent() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/_local/schedules/alpha/tick"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(url("/_local/schedules/alpha/nope"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(response.body());
        assertThat(outcome.path("status").asText()).isEqualTo("succeeded");
        assertThat(outcome.path("response").asText())
                .isEqualTo("Scheduled Event from aws.events for arn:aws:events:us-east-1:000000000000:rule/" + PREFIX + "alpha-tick");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsUpWhenEverythingRuns() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/_local/health")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("poller alpha-work").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("dynamodb").asText()).isEqualTo("UP");
    }

    @Test
    void theMergedOpenApiDocumentHoldsOnlyRoutedOperationsAndSwaggerUiIsServed() throws Exception {
        HttpResponse<String> spec = send(HttpRequest.newBuilder(url("/openapi.yml")));
        HttpResponse<String> ui = send(HttpRequest.newBuilder(url("/docs")));
        HttpResponse<String> bundle = send(HttpRequest.newBuilder(url("/docs/swagger-ui-bundle.js")));

        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("/v1/alpha/echo/{id}").contains("Echo").contains(stack.apiBaseUrl().toString())
                .doesNotContain("/v1/alpha/internal");
        assertThat(ui.body()).contains("swagger-ui-bundle.js").contains("/openapi.yml");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }

    private static URI url(String path) {
        return URI.create(stack.apiBaseUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
