package dev.penguinmails.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Tag;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.penguinmails.emulators.LocalDns;
import dev.penguinmails.local.queues.QueuePoller;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The whole local stack in this JVM on free ports, with two small fixture functions instead of the
 * real ones: HTTP through API Gateway v2 events into Micronaut, SQS polling, schedules, docs, admin.
 */
@Tag("integration")
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
    void eachFunctionSeesTheResourcesOfItsOwnAccessAndNoOthers() throws Exception {
        java.util.List<String> keys = java.util.List.of(ConfigKeys.table("alpha"), ConfigKeys.queueUrl("alpha-work"),
                ConfigKeys.STAGE);
        JsonNode alpha = sees("alpha", keys);
        JsonNode beta = sees("beta", keys);

        assertThat(alpha.path(ConfigKeys.table("alpha")).asText()).isEqualTo(PREFIX + "alpha");
        assertThat(alpha.path(ConfigKeys.queueUrl("alpha-work")).asText()).isEqualTo(stack.stack().queueUrl("alpha-work"));
        assertThat(beta.path(ConfigKeys.table("alpha")).asText()).as("beta's access names no alpha table").isEmpty();
        assertThat(beta.path(ConfigKeys.queueUrl("alpha-work")).asText()).as("beta consumes no alpha queue").isEmpty();
        assertThat(beta.path(ConfigKeys.STAGE).asText()).isEqualTo("local");
        for (JsonNode seen : java.util.List.of(alpha, beta)) {
            seen.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("system:")) {
                    assertThat(e.getValue().asText()).as("%s is no system property", e.getKey()).isEmpty();
                }
            });
        }
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
    void cookiesTravelAsPayloadTwoCarriesThemBothWays() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/alpha/cookies"))
                .header("Cookie", "session=abc; theme=dark"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"session\":\"abc\",\"theme\":\"dark\"}"));
        assertThat(response.headers().allValues("Set-Cookie")).hasSize(2)
                .anyMatch(c -> c.startsWith("refresh=r2") && c.toLowerCase(java.util.Locale.ROOT).contains("httponly"))
                .anyMatch(c -> c.startsWith("theme=light"));
    }

    @Test
    void aBatchThatOverrunsTheFunctionsTimeoutIsAbandonedAndItsMessageComesBack() {
        String url = stack.stack().queueUrl("alpha-work");
        var sqs = stack.localAws().clients().sqs();
        var poller = stack.pollers().stream().filter(p -> p.settings().name().equals("alpha-work")).findFirst().orElseThrow();
        long abandonedBefore = poller.batchesAbandoned();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("sleep"));

        // alpha's timeout is 3 s: the invocation is given up on long before its 30 s sleep ends.
        await().atMost(Duration.ofSeconds(20)).until(() -> poller.batchesAbandoned() > abandonedBefore);
        assertThat(depth(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .as("nothing deleted: the message waits out its visibility timeout").isEqualTo(1);
        // After the 18 s visibility timeout it is received again, and abandoned again.
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.batchesAbandoned() > abandonedBefore + 1);
        sqs.purgeQueue(b -> b.queueUrl(url));
    }

    @Test
    void queuedMessagesAreHandledAndFailuresEndInTheDeadLetterQueue() throws Exception {
        String url = stack.stack().queueUrl("alpha-work");
        var sqs = stack.localAws().clients().sqs();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("fine"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("fail"));

        // The failed message comes back after the visibility timeout (18 s, six times alpha's 3 s timeout).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
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
    void theDeploymentStepRanBeforeTheStackAnsweredAnything() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/_local/cold-starts")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> started = new ArrayList<>();
        JSON.readTree(response.body()).path("coldStarts").forEach(c -> started.add(c.path("functionName").asText()));
        assertThat(started).contains(PREFIX + "alpha-deploy");
    }

    @Test
    void aFailingDeploymentStepStopsTheStartAndSaysWhichStepFailed() {
        assertThatThrownBy(() -> LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withTopology(FixtureFunctions.topologyWithAFailingDeploymentStep(), FixtureFunctions.classpath())
                .withLocalAws(TestAws.shared(), "lsf-")))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("deployment step alpha deploy failed")
                .hasMessageContaining("the schema is broken");
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
    void aPausedQueuePollerLeavesMessagesInTheQueueUntilItIsResumed() throws Exception {
        String url = stack.stack().queueUrl("alpha-work");
        QueuePoller poller = stack.pollers().get(0);
        HttpResponse<String> resumed;
        HttpResponse<String> paused = post("/_local/queues/alpha-work/pause");
        long batches = poller.batchesInvoked();
        try {
            assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
            assertThat(JSON.readTree(paused.body())).isEqualTo(JSON.readTree("{\"queue\":\"alpha-work\",\"paused\":true}"));
            stack.localAws().clients().sqs().sendMessage(b -> b.queueUrl(url).messageBody("fine"));

            // The poller long-polls for 1 s at a time: three seconds are several of its cycles.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
                JsonNode work = alphaWork();
                assertThat(work.path("queue").path("visible").asInt()).isEqualTo(1);
                assertThat(work.path("paused").asBoolean()).isTrue();
            });
            assertThat(poller.batchesInvoked()).as("the handler was not invoked").isEqualTo(batches);
        } finally {
            resumed = post("/_local/queues/alpha-work/resume");
        }

        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(JSON.readTree(resumed.body())).isEqualTo(JSON.readTree("{\"queue\":\"alpha-work\",\"paused\":false}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode work = alphaWork();
            assertThat(work.path("queue").path("visible").asInt() + work.path("queue").path("inFlight").asInt()).isZero();
            assertThat(work.path("paused").asBoolean(true)).isFalse();
            assertThat(poller.batchesInvoked()).as("the handler got the message").isGreaterThan(batches);
        });
    }

    @Test
    void theEnvironmentEndpointListsExactlyThePropertiesFunctionsAreGiven() throws Exception {
        HttpResponse<String> alpha = send(HttpRequest.newBuilder(url("/_local/functions/alpha/environment")));
        HttpResponse<String> beta = send(HttpRequest.newBuilder(url("/_local/functions/beta/environment")));

        assertThat(alpha.statusCode()).as(alpha.body()).isEqualTo(200);
        assertThat(alpha.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = JSON.readTree(alpha.body());
        assertThat(body.path("function").asText()).isEqualTo("alpha");
        Map<String, String> environment = new LinkedHashMap<>();
        body.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        assertThat(environment)
                .containsEntry(ConfigKeys.table("alpha"), PREFIX + "alpha")
                .containsEntry(ConfigKeys.queueUrl("alpha-work"), stack.stack().queueUrl("alpha-work"))
                .containsEntry(ConfigKeys.endpoint("sqs"), stack.localAws().endpoints().sqs().toString())
                .containsEntry(ConfigKeys.endpoint("dynamodb"), stack.localAws().endpoints().dynamodb().toString())
                .containsEntry(ConfigKeys.STAGE, "local")
                .containsEntry(LocalDns.RESOLVERS_PROPERTY, "127.0.0.1:" + stack.dns().port())
                .containsEntry(LocalStack.LOCAL_TARGETS_PROPERTY, "true")
                .doesNotContainKey(ConfigKeys.APP_BASE_URL) // only functions that send email are told where links point
                .containsEntry(ConfigKeys.FUNCTION_TIMEOUT_SECONDS, "3")
                .containsKey(ConfigKeys.CURSOR_SECRET)
                .as("token keys are identity's: other families read the authorizer's context")
                .doesNotContainKeys(ConfigKeys.ACCESS_TOKEN_SIGNING_KEY, ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS);
        assertThat(environment).as("the endpoint shows what the function was given").isEqualTo(stack.functionEnvironment("alpha"));
        assertThat(environment.keySet()).as("alpha's own resources, the emulator endpoints and the local secrets")
                .noneMatch(k -> k.startsWith("penguinmails.buckets."))
                .allMatch(k -> !k.startsWith("penguinmails.tables.") || k.endsWith(".alpha"));
        environment.keySet().forEach(key -> assertThat(System.getProperty(key)).as(key).isNull());
        Map<String, String> betaEnvironment = new LinkedHashMap<>();
        JSON.readTree(beta.body()).path("environment").fields()
                .forEachRemaining(e -> betaEnvironment.put(e.getKey(), e.getValue().asText()));
        assertThat(betaEnvironment).isEqualTo(stack.functionEnvironment("beta"))
                .doesNotContainKeys(ConfigKeys.table("alpha"), ConfigKeys.queueUrl("alpha-work"))
                .containsEntry(ConfigKeys.STAGE, "local");
    }

    @Test
    void unknownLocalEndpointsAre404ProblemsAndWrongMethods405WithAllow() throws Exception {
        HttpResponse<String> noFamily = send(HttpRequest.newBuilder(url("/_local/functions/gamma/environment")));
        HttpResponse<String> postEnvironment = post("/_local/functions/alpha/environment");
        HttpResponse<String> noQueue = post("/_local/queues/nowhere/pause");
        HttpResponse<String> getResume = send(HttpRequest.newBuilder(url("/_local/queues/alpha-work/resume")));
        HttpResponse<String> nothing = send(HttpRequest.newBuilder(url("/_local/nothing")));

        assertProblem(noFamily, 404, "not-found");
        assertThat(JSON.readTree(noFamily.body()).path("detail").asText()).contains("gamma").contains("alpha, beta");
        assertProblem(postEnvironment, 405, "method-not-allowed");
        assertThat(postEnvironment.headers().allValues("Allow")).containsExactly("GET");
        assertProblem(noQueue, 404, "not-found");
        assertThat(JSON.readTree(noQueue.body()).path("detail").asText()).contains("nowhere").contains("alpha-work");
        assertProblem(getResume, 405, "method-not-allowed");
        assertThat(getResume.headers().allValues("Allow")).containsExactly("POST");
        assertProblem(nothing, 404, "not-found");
        assertThat(JSON.readTree(nothing.body()).path("detail").asText())
                .contains("POST /_local/queues/{queue}/pause", "POST /_local/queues/{queue}/resume",
                        "GET /_local/functions/{family}/environment", "GET /_local/cold-starts");
    }

    @Test
    void healthIsUpWhenEverythingRuns() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/_local/health")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("poller alpha-work").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("dynamodb").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("dns").asText()).isEqualTo("UP");
    }

    @Test
    void thePlatformsOwnRecordsAreServedFromTheStartSoALocalDomainCanVerify() throws Exception {
        Lookup include = dnsLookup("_spf.penguinmails.dev.", Type.TXT);
        Record[] found = include.run();
        assertThat(include.getResult()).as(include.getErrorString()).isEqualTo(Lookup.SUCCESSFUL);
        assertThat(((TXTRecord) found[0]).getStrings()).singleElement().asString().startsWith("v=spf1 ");
        Lookup feedback = dnsLookup("feedback.penguinmails.dev.", Type.A);
        feedback.run();
        assertThat(feedback.getResult()).as(feedback.getErrorString()).isEqualTo(Lookup.SUCCESSFUL);
    }

    @Test
    void aZonePutThroughTheLocalEndpointIsServedByTheDnsServerUntilItIsDeleted() throws Exception {
        String records = """
                [{"name":"ls-dns.test","type":"TXT","values":["v=spf1 include:_spf.penguinmails.dev ","-all"]},
                 {"name":"pm1._domainkey.ls-dns.test","type":"CNAME","values":["pm1.dkim.penguinmails.dev"]}]""";
        HttpResponse<String> put = send(HttpRequest.newBuilder(url("/_local/dns/ls-dns.test"))
                .PUT(HttpRequest.BodyPublishers.ofString(records)));
        HttpResponse<String> get = send(HttpRequest.newBuilder(url("/_local/dns/ls-dns.test")));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(JSON.readTree(get.body()).get(1).path("values").get(0).asText()).isEqualTo("pm1.dkim.penguinmails.dev.");
        Lookup spf = dnsLookup("ls-dns.test.", Type.TXT);
        Record[] found = spf.run();
        assertThat(spf.getResult()).as(spf.getErrorString()).isEqualTo(Lookup.SUCCESSFUL);
        assertThat(((TXTRecord) found[0]).getStrings()).containsExactly("v=spf1 include:_spf.penguinmails.dev ", "-all");

        HttpResponse<String> invalid = send(HttpRequest.newBuilder(url("/_local/dns/ls-dns.test"))
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"name\":\"other.test\",\"type\":\"A\",\"values\":[\"192.0.2.1\"]}]")));
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(url("/_local/dns/ls-dns.test")).DELETE());
        HttpResponse<String> gone = send(HttpRequest.newBuilder(url("/_local/dns/ls-dns.test")));
        HttpResponse<String> post = post("/_local/dns/ls-dns.test");
        Lookup afterDelete = dnsLookup("ls-dns.test.", Type.TXT);
        afterDelete.run();

        assertProblem(invalid, 400, "invalid-dns-records");
        assertThat(JSON.readTree(invalid.body()).path("detail").asText()).contains("not inside the zone ls-dns.test.");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertProblem(gone, 404, "not-found");
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.headers().allValues("Allow")).containsExactly("GET, PUT, DELETE");
        assertThat(afterDelete.getResult()).as("a removed zone is unknown, not empty").isNotEqualTo(Lookup.SUCCESSFUL)
                .isNotEqualTo(Lookup.HOST_NOT_FOUND).isNotEqualTo(Lookup.TYPE_NOT_FOUND);
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

    private static JsonNode alphaWork() throws Exception {
        JsonNode queues = JSON.readTree(send(HttpRequest.newBuilder(url("/_local/queues"))).body());
        JsonNode work = queues.path("queues").get(0);
        assertThat(work.path("name").asText()).isEqualTo("alpha-work");
        return work;
    }

    /** What one fixture function reports it can see of each key, one request per key. */
    private static JsonNode sees(String family, java.util.List<String> keys) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode seen = JSON.createObjectNode();
        for (String key : keys) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/" + family + "/sees?keys=" + key)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            seen.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body()));
        }
        return seen;
    }

    /** A lookup that asks the stack's DNS server directly and remembers nothing between tests. */
    private static Lookup dnsLookup(String name, int type) throws Exception {
        String[] resolver = stack.dnsResolvers().split(":");
        SimpleResolver simple = new SimpleResolver(resolver[0]);
        simple.setPort(Integer.parseInt(resolver[1]));
        Lookup lookup = new Lookup(Name.fromString(name), type);
        lookup.setResolver(simple);
        lookup.setCache(null);
        return lookup;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://penguinmails.dev/problems/" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static URI url(String path) {
        return URI.create(stack.apiBaseUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int depth(software.amazon.awssdk.services.sqs.SqsClient sqs, String url, QueueAttributeName attribute) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(attribute))
                .attributes().get(attribute));
    }
}
