package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@Tag("integration")
class LocalEventBridgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAws aws;
    private static String bus;
    private static String signups;
    private static String everything;

    @BeforeAll
    static void rules() {
        aws = SharedLocalAws.get();
        String prefix = SharedLocalAws.uniquePrefix();
        bus = prefix + "bus";
        SqsClient sqs = aws.clients().sqs();
        signups = sqs.createQueue(b -> b.queueName(prefix + "signups")).queueUrl();
        everything = sqs.createQueue(b -> b.queueName(prefix + "everything")).queueUrl();
        aws.eventBridge().registerRule(bus, "signups", """
                {"source":["penguinmails.identity"],"detail-type":["account.signed_up"],
                 "detail":{"plan":[{"anything-but":"free"}]}}""", List.of(signups));
        aws.eventBridge().registerRule(bus, "everything", """
                {"source":[{"prefix":"penguinmails."}]}""", List.of(everything));
    }

    @Test
    void aMatchingEventReachesItsTargetQueuesAsTheStandardEventJson() throws Exception {
        Instant time = Instant.parse("2025-01-02T03:04:05Z");
        PutEventsResponse response = client().putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .eventBusName(bus).source("penguinmails.identity").detailType("account.signed_up")
                .detail("{\"plan\":\"pro\",\"userId\":\"u1\"}").resources("arn:aws:x:::thing").time(time).build()));

        assertThat(response.failedEntryCount()).isZero();
        String eventId = response.entries().get(0).eventId();
        assertThat(eventId).isNotBlank();
        Message message = receiveOne(signups);
        JsonNode event = JSON.readTree(message.body());
        assertThat(iterableFieldNames(event)).containsExactly(
                "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("detail-type").asText()).isEqualTo("account.signed_up");
        assertThat(event.get("source").asText()).isEqualTo("penguinmails.identity");
        assertThat(event.get("account").asText()).isEqualTo("000000000000");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("time").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:x:::thing");
        assertThat(event.get("detail").get("userId").asText()).isEqualTo("u1");
        // The second rule matches too, so its queue gets its own copy.
        assertThat(JSON.readTree(receiveOne(everything).body()).get("id").asText()).isEqualTo(eventId);
        assertThat(aws.eventBridge().publishedEvents(bus)).anySatisfy(e -> {
            assertThat(e.eventId()).isEqualTo(eventId);
            assertThat(e.matchedRules()).containsExactlyInAnyOrder("signups", "everything");
        });
    }

    @Test
    void aFullCallsEventsReachEachQueueAsOneMessageEach() throws Exception {
        // Two of the ten go to both queues: each queue gets its events as separate messages (sent to it together).
        List<PutEventsRequestEntry> ten = IntStream.range(0, 10).mapToObj(i -> i < 2
                ? PutEventsRequestEntry.builder().eventBusName(bus).source("penguinmails.identity")
                        .detailType("account.signed_up").detail("{\"plan\":\"pro\",\"n\":" + i + "}").build()
                : entry("penguinmails.batch", "x.y", "{\"n\":" + i + "}")).toList();
        PutEventsResponse response = client().putEvents(b -> b.entries(ten));

        assertThat(response.failedEntryCount()).isZero();
        List<String> ids = response.entries().stream().map(PutEventsResultEntry::eventId).toList();
        assertThat(receiveIds(everything, 10)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(receiveIds(signups, 2)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
        assertThat(aws.clients().sqs().receiveMessage(b -> b.queueUrl(everything).waitTimeSeconds(0)).messages()).isEmpty();
        assertThat(aws.clients().sqs().receiveMessage(b -> b.queueUrl(signups).waitTimeSeconds(0)).messages()).isEmpty();
    }

    /** The event ids of the next {@code n} messages on {@code queueUrl}, deleted as they are read. */
    private static List<String> receiveIds(String queueUrl, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        SqsClient sqs = aws.clients().sqs();
        while (ids.size() < n) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2))
                    .messages();
            assertThat(got).as("messages on %s after %s", queueUrl, ids).isNotEmpty();
            for (Message m : got) {
                ids.add(JSON.readTree(m.body()).get("id").asText());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return ids;
    }

    @Test
    void aNonMatchingEventGoesNowhere() {
        PutEventsResponse response = client().putEvents(b -> b.entries(
                entry("other.system", "account.signed_up", "{\"plan\":\"pro\"}"),
                entry("penguinmails.identity", "account.signed_up", "{\"plan\":\"free\"}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
        // Only the "everything" rule matches the second one; the first matches no rule at all.
        assertThat(receiveOne(everything).body()).contains("\"plan\":\"free\"");
        assertThat(aws.clients().sqs().receiveMessage(b -> b.queueUrl(signups).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(aws.clients().sqs().receiveMessage(b -> b.queueUrl(everything).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    void invalidEntriesGetTheirOwnErrorsAndTheOthersStillGoThrough() {
        PutEventsResponse response = client().putEvents(b -> b.entries(
                PutEventsRequestEntry.builder().eventBusName(bus).detailType("x.y").detail("{}").build(),
                PutEventsRequestEntry.builder().eventBusName(bus).source("penguinmails.a").detail("{}").build(),
                PutEventsRequestEntry.builder().eventBusName(bus).source("penguinmails.a").detailType("x.y").build(),
                entry("penguinmails.a", "x.y", "{not json"),
                entry("penguinmails.a", "x.y", "[1,2]"),
                entry("aws.ec2", "x.y", "{}"),
                PutEventsRequestEntry.builder().eventBusName("no-such-bus").source("penguinmails.a").detailType("x.y")
                        .detail("{}").build(),
                entry("penguinmails.ok", "x.y", "{\"fine\":true}")));

        assertThat(response.failedEntryCount()).isEqualTo(7);
        List<PutEventsResultEntry> results = response.entries();
        assertThat(results).hasSize(8);
        assertThat(results.get(0).errorCode()).isEqualTo("InvalidArgument");
        assertThat(results.get(0).errorMessage()).contains("Source is a required argument");
        assertThat(results.get(1).errorMessage()).contains("DetailType is a required argument");
        assertThat(results.get(2).errorMessage()).contains("Detail is a required argument");
        assertThat(results.get(3).errorCode()).isEqualTo("MalformedDetail");
        assertThat(results.get(4).errorCode()).isEqualTo("MalformedDetail");
        assertThat(results.get(5).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(results.get(6).errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(results.get(6).errorMessage()).isEqualTo("Event bus no-such-bus does not exist.");
        assertThat(results.subList(0, 7)).allSatisfy(r -> assertThat(r.eventId()).isNull());
        assertThat(results.get(7).eventId()).isNotBlank();
        assertThat(receiveOne(everything).body()).contains("penguinmails.ok");
    }

    @Test
    void moreThanTenEntriesOrMoreThan256KbFailTheWholeRequest() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> entry("penguinmails.a", "x.y", "{}")).toList();
        assertThatThrownBy(() -> client().putEvents(b -> b.entries(eleven)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        String big = "{\"text\":\"" + "x".repeat(130 * 1024) + "\"}";
        assertThatThrownBy(() -> client().putEvents(b -> b.entries(entry("penguinmails.a", "x.y", big),
                entry("penguinmails.a", "x.y", big))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("over the limit");
                });
    }

    @Test
    void theDefaultBusIsUsedWhenNoneIsNamedAndABusMayBeNamedByArn() {
        PutEventsResponse response = client().putEvents(b -> b.entries(
                PutEventsRequestEntry.builder().source("penguinmails.a").detailType("x.y").detail("{}").build(),
                PutEventsRequestEntry.builder().eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/" + bus)
                        .source("penguinmails.arn").detailType("x.y").detail("{}").build()));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(receiveOne(everything).body()).contains("penguinmails.arn");
    }

    @Test
    void rulesMustTargetExistingQueuesAndHaveValidPatterns() {
        LocalEventBridge bridge = aws.eventBridge();
        String missing = aws.endpoints().sqs() + "/000000000000/no-such-queue";
        assertThatThrownBy(() -> bridge.registerRule(bus, "broken", "{\"source\":[\"a\"]}", List.of(missing)))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("no-such-queue");
        assertThatThrownBy(() -> bridge.registerRule(bus, "broken", "{\"source\":\"not-an-array\"}", List.of(signups)))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("invalid event pattern");
        assertThat(bridge.ruleNames(bus)).containsExactlyInAnyOrder("signups", "everything");
    }

    @Test
    void aFailedDeliveryDoesNotFailTheEntryAndIsRetriedUntilTheQueueIsBack() {
        String prefix = SharedLocalAws.uniquePrefix();
        SqsClient sqs = aws.clients().sqs();
        String flaky = sqs.createQueue(b -> b.queueName(prefix + "flaky")).queueUrl();
        try (LocalEventBridge bridge = LocalEventBridge.start(0, sqs,
                new DeliveryRetries(50, Duration.ofMillis(100), Duration.ofMillis(200)));
             EventBridgeClient client = clientOf(bridge)) {
            PutEventsResponse response = publishToDeletedQueue(bridge, client, "retrying", flaky);

            assertThat(response.failedEntryCount()).as("accepted, as on AWS").isZero();
            sqs.createQueue(b -> b.queueName(prefix + "flaky"));
            Message delivered = receiveOne(flaky);
            assertThat(delivered.body()).contains(response.entries().get(0).eventId());
            assertThat(bridge.undeliveredEvents()).isEmpty();
        }
    }

    @Test
    void aDeliveryGivenUpAfterEveryRetryIsReportedNotSwallowed() {
        String prefix = SharedLocalAws.uniquePrefix();
        SqsClient sqs = aws.clients().sqs();
        String doomed = sqs.createQueue(b -> b.queueName(prefix + "doomed")).queueUrl();
        try (LocalEventBridge bridge = LocalEventBridge.start(0, sqs,
                new DeliveryRetries(3, Duration.ofMillis(50), Duration.ofMillis(50)));
             EventBridgeClient client = clientOf(bridge)) {
            PutEventsResponse response = publishToDeletedQueue(bridge, client, "doomed-bus", doomed);

            assertThat(response.failedEntryCount()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> !bridge.undeliveredEvents().isEmpty());
            UndeliveredEvent lost = bridge.undeliveredEvents().get(0);
            assertThat(lost.eventId()).isEqualTo(response.entries().get(0).eventId());
            assertThat(lost.queueUrl()).isEqualTo(doomed);
            assertThat(lost.attempts()).isEqualTo(3);
            assertThat(bridge.pendingRetries()).isZero();
        }
    }

    @Test
    void retriesBackOffExponentiallyUpToTheirLimit() {
        DeliveryRetries aws = DeliveryRetries.aws();

        assertThat(aws.maxAttempts()).isEqualTo(185);
        assertThat(aws.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(aws.delayBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(aws.delayBefore(10)).isEqualTo(Duration.ofSeconds(256));
        assertThat(aws.delayBefore(100)).isEqualTo(Duration.ofMinutes(8));
    }

    /** Routes everything from penguinmails.a on {@code busName} to the queue, deletes the queue, then publishes. */
    private static PutEventsResponse publishToDeletedQueue(LocalEventBridge bridge, EventBridgeClient client,
                                                           String busName, String queueUrl) {
        bridge.registerRule(busName, "all", "{\"source\":[\"penguinmails.a\"]}", List.of(queueUrl));
        aws.clients().sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        return client.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .eventBusName(busName).source("penguinmails.a").detailType("x.y").detail("{}").build()));
    }

    private static EventBridgeClient clientOf(LocalEventBridge bridge) {
        return EventBridgeClient.builder().endpointOverride(bridge.endpoint()).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.CREDENTIALS).build();
    }

    @Test
    void otherOperationsAreRefusedClearly() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(aws.endpoints().eventBridge() + "/"))
                        .header("X-Amz-Target", "AWSEvents.ListRules")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    private static EventBridgeClient client() {
        return aws.clients().eventBridge();
    }

    private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(detailType).detail(detail)
                .build();
    }

    private static Message receiveOne(String queueUrl) {
        List<Message> messages = aws.clients().sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)
                .maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(1);
        aws.clients().sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0);
    }

    private static List<String> iterableFieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
