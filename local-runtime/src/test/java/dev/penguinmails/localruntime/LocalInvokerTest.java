package dev.penguinmails.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.topology.HttpApiHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalInvokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void randomServerPort() {
        HandlerTestProperties.set();
    }

    @AfterAll
    static void closeHandlers() {
        LocalInvoker.closeAll();
        System.clearProperty(LocalInvokerTestController.ENABLED);
        HandlerTestProperties.clear();
    }

    @Test
    void sqsEventReachesTheHandlerWithLambdaFieldNamesAndPartialFailuresComeBack() throws IOException {
        String response = LocalInvoker.invoke(RecordingSqsHandler.class.getName(), fixture("sqs-event.json"),
                "identity-emails", 20_000);

        JsonNode failures = JSON.readTree(response).path("batchItemFailures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("itemIdentifier").asText()).isEqualTo("2e1424d4-f796-459a-8184-9c92662be6da");

        SQSEvent.SQSMessage first = RecordingSqsHandler.lastEvent.getRecords().get(0);
        assertThat(RecordingSqsHandler.lastEvent.getRecords()).hasSize(2);
        assertThat(first.getMessageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(first.getReceiptHandle()).startsWith("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a");
        assertThat(first.getBody()).isEqualTo("{\"detail-type\":\"account.signed_up\"}");
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).endsWith(":penguinmails-local-identity-emails");
        assertThat(first.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(first.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
        assertThat(first.getMessageAttributes().get("trace").getStringValue()).isEqualTo("abc");
        assertThat(RecordingSqsHandler.lastFunctionName).isEqualTo("identity-emails");
        assertThat(RecordingSqsHandler.lastRequestId).isNotBlank();
        assertThat(RecordingSqsHandler.lastRemainingMillis).isBetween(1, 20_000);
    }

    @Test
    void eachInvocationGetsItsOwnRequestIdButTheSameHandlerInstance() throws IOException {
        String event = fixture("sqs-event.json");
        LocalInvoker.invoke(RecordingSqsHandler.class.getName(), event, "f", 5_000);
        String first = RecordingSqsHandler.lastRequestId;
        LocalInvoker.invoke(RecordingSqsHandler.class.getName(), event, "f", 5_000);

        assertThat(RecordingSqsHandler.lastRequestId).isNotEqualTo(first);
        assertThat(LocalInvoker.isWarm(RecordingSqsHandler.class.getName())).isTrue();
    }

    @Test
    void apiGatewayV2EventGoesThroughMicronautsProxyHandlerAndTheResponseComesBackAsLambdaSendsIt() throws IOException {
        System.setProperty(LocalInvokerTestController.ENABLED, "true");

        String response = LocalInvoker.invoke(HttpApiHandler.MICRONAUT_HANDLER, fixture("apigw-v2-event.json"), "api", 30_000);

        JsonNode json = JSON.readTree(response);
        assertThat(json.path("statusCode").asInt()).as(response).isEqualTo(201);
        String body = json.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(json.path("body").asText()), StandardCharsets.UTF_8)
                : json.path("body").asText();
        JsonNode echo = JSON.readTree(body);
        assertThat(echo.path("id").asText()).isEqualTo("42");
        assertThat(echo.path("q").asText()).isEqualTo("penguin");
        assertThat(echo.path("custom").asText()).isEqualTo("one,two");
        assertThat(echo.path("name").asText()).isEqualTo("Pingu");
        assertThat(headerValues(json, "location")).contains("/things/42");
        assertThat(echo.path("theme").asText()).as("the event's cookies reach the controller").isEqualTo("dark");
        // Payload 2.0 carries every Set-Cookie in "cookies"; "headers" would keep only one.
        List<String> cookies = new ArrayList<>();
        json.path("cookies").forEach(c -> cookies.add(c.asText()));
        assertThat(cookies).hasSize(2).contains("seen=yes")
                .anySatisfy(c -> assertThat(c).startsWith("refresh=r1").containsIgnoringCase("httponly"));
        assertThat(headerValues(json, "set-cookie")).isEmpty();
    }

    @Test
    void plainRequestHandlerGetsAScheduledEventAndIsCreatedOnce() throws IOException {
        String handler = ScheduledProbeHandler.class.getName();
        int before = ScheduledProbeHandler.INSTANCES.get();

        String first = LocalInvoker.invoke(handler, fixture("scheduled-event.json"), "identity-tick", 1_000);
        LocalInvoker.invoke(handler, fixture("scheduled-event.json"), "identity-tick", 1_000);

        assertThat(JSON.readTree(first).asText()).isEqualTo("aws.events|Scheduled Event|"
                + "arn:aws:events:us-east-1:000000000000:rule/penguinmails-local-identity-tick|000000000000|identity-tick");
        assertThat(ScheduledProbeHandler.INSTANCES.get() - before).isEqualTo(1);
    }

    @Test
    void unknownHandlerClassIsAClearError() {
        assertThatThrownBy(() -> LocalInvoker.invoke("dev.penguinmails.Nope", "{}", "f", 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.penguinmails.Nope");
    }

    private static java.util.List<String> headerValues(JsonNode response, String name) {
        java.util.List<String> values = new java.util.ArrayList<>();
        response.path("headers").fields().forEachRemaining(e -> {
            if (e.getKey().equalsIgnoreCase(name)) {
                values.add(e.getValue().asText());
            }
        });
        response.path("multiValueHeaders").fields().forEachRemaining(e -> {
            if (e.getKey().equalsIgnoreCase(name)) {
                e.getValue().forEach(v -> values.add(v.asText()));
            }
        });
        return values;
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = LocalInvokerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
