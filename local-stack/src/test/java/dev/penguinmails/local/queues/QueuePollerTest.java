package dev.penguinmails.local.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.local.functions.HandlerInvoker;
import dev.penguinmails.local.functions.Outcome;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Lambda's SQS event source semantics against ElasticMQ (queues with a 1 s visibility timeout and maxReceiveCount 2). */
@Tag("integration")
class QueuePollerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SqsClient sqs;
    private static ProvisionedStack stack;

    @BeforeAll
    static void provision() {
        LocalAws aws = TestAws.shared();
        sqs = aws.clients().sqs();
        Topology queues = new Topology("pollers", List.of(), List.of(),
                List.of(new QueueSpec("partial", 1, 2, 3600), new QueueSpec("throwing", 1, 2, 3600),
                        new QueueSpec("batched", 30, 2, 3600), new QueueSpec("idle", 30, 2, 3600),
                        new QueueSpec("paused", 30, 2, 3600), new QueueSpec("draining", 30, 2, 3600),
                        new QueueSpec("concurrent", 30, 2, 3600)),
                "pollers", List.of(), List.of());
        stack = TestAws.freshStack(queues);
    }

    @Test
    void onlyMessagesNotReportedInBatchItemFailuresAreDeleted() {
        String url = stack.queueUrl("partial");
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        HandlerInvoker handler = event -> {
            JsonNode json = read(event);
            events.add(json);
            List<String> failed = new ArrayList<>();
            json.path("Records").forEach(r -> {
                if (r.path("body").asText().startsWith("bad")) {
                    failed.add("{\"itemIdentifier\":\"" + r.path("messageId").asText() + "\"}");
                }
            });
            return new Outcome.Succeeded("{\"batchItemFailures\":[" + String.join(",", failed) + "]}", Duration.ZERO);
        };
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("good-1")
                .messageAttributes(Map.of("trace", MessageAttributeValue.builder().dataType("String").stringValue("t1").build())));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("bad-1"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("good-2"));

        try (QueuePoller poller = poller("partial", url, 10, 0, handler).start()) {
            // The bad message comes back after each visibility timeout until the redrive policy moves it.
            await().atMost(Duration.ofSeconds(20)).until(() -> depth(stack.deadLetterQueueUrls().get("partial")) == 1);
        }

        assertThat(bodies(stack.deadLetterQueueUrls().get("partial"))).containsExactly("bad-1");
        assertThat(depth(url)).isZero();
        long goodDeliveries = events.stream().flatMap(e -> stream(e.path("Records")))
                .filter(r -> r.path("body").asText().startsWith("good")).count();
        assertThat(goodDeliveries).as("each good message is handled once and deleted").isEqualTo(2);

        JsonNode record = events.stream().flatMap(e -> stream(e.path("Records")))
                .filter(r -> r.path("body").asText().equals("good-1")).findFirst().orElseThrow();
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asText()).startsWith("arn:aws:sqs:").endsWith(":" + stack.namePrefix() + "partial");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("receiptHandle").asText()).isNotBlank();
        assertThat(record.path("md5OfBody").asText()).hasSize(32);
        assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(record.path("attributes").has("SentTimestamp")).isTrue();
        assertThat(record.path("messageAttributes").path("trace").path("stringValue").asText()).isEqualTo("t1");
        assertThat(record.path("messageAttributes").path("trace").path("dataType").asText()).isEqualTo("String");
    }

    @Test
    void aThrowingHandlersMessagesAreNeverDeletedAndReachTheDlqAfterMaxReceiveCount() {
        String url = stack.queueUrl("throwing");
        List<String> receiveCounts = new CopyOnWriteArrayList<>();
        HandlerInvoker handler = event -> {
            read(event).path("Records").forEach(r -> receiveCounts.add(r.path("attributes").path("ApproximateReceiveCount").asText()));
            return new Outcome.Failed("IllegalStateException", "always fails", Duration.ZERO);
        };
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison-1"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison-2"));

        try (QueuePoller poller = poller("throwing", url, 10, 0, handler).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> depth(stack.deadLetterQueueUrls().get("throwing")) == 2);
        }

        assertThat(bodies(stack.deadLetterQueueUrls().get("throwing"))).containsExactlyInAnyOrder("poison-1", "poison-2");
        assertThat(receiveCounts).contains("1", "2");
        assertThat(depth(url)).isZero();
    }

    @Test
    void upToTheMaximumConcurrencyBatchesAreInWorkAtOnce() {
        String url = stack.queueUrl("concurrent");
        CountDownLatch threeInWork = new CountDownLatch(3);
        List<String> handled = new CopyOnWriteArrayList<>();
        HandlerInvoker handler = event -> {
            threeInWork.countDown();
            try {
                // Each batch waits until three are running together, or gives up and is retried.
                if (!threeInWork.await(10, TimeUnit.SECONDS)) {
                    return new Outcome.Failed("Timeout", "never three at once", Duration.ZERO);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            read(event).path("Records").forEach(r -> handled.add(r.path("body").asText()));
            return new Outcome.Succeeded("{}", Duration.ZERO);
        };
        for (int i = 0; i < 6; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("c" + n));
        }

        QueuePoller.Settings settings = new QueuePoller.Settings("concurrent", url,
                QueuePoller.queueArn(sqs, url), 1, 0, 3);
        try (QueuePoller poller = new QueuePoller(settings, sqs, handler, new SqsEvents(JSON, "us-east-1"), JSON).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 6);
            assertThat(poller.mostBatchesInWork()).isEqualTo(3);
        }
        assertThat(handled).containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void aTimedOutInvocationDeletesNothing() {
        String url = stack.queueUrl("batched");
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        HandlerInvoker handler = event -> {
            batchSizes.add(read(event).path("Records").size());
            return new Outcome.TimedOut(Duration.ofSeconds(1), Duration.ofSeconds(1));
        };
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
        }

        try (QueuePoller poller = poller("batched", url, 10, 1, handler).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !batchSizes.isEmpty());
        }

        assertThat(batchSizes.get(0)).as("the batching window gathers all three").isEqualTo(3);
        assertThat(inFlight(url)).isEqualTo(3);
    }

    @Test
    void aPausedPollerLeavesMessagesInTheQueueUntilItIsResumed() {
        String url = stack.queueUrl("paused");
        List<String> handled = new CopyOnWriteArrayList<>();
        HandlerInvoker handler = event -> {
            read(event).path("Records").forEach(r -> handled.add(r.path("body").asText()));
            return new Outcome.Succeeded("{}", Duration.ZERO);
        };

        try (QueuePoller poller = poller("paused", url, 10, 0, handler).start()) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("before"));
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("before"));
            poller.pause();
            long batches = poller.batchesInvoked();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("while-paused"));

            // The poller long-polls for 1 s at a time: three seconds are several of its cycles.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> depth(url) == 1);
            assertThat(handled).containsExactly("before");
            assertThat(poller.batchesInvoked()).isEqualTo(batches);
            assertThat(poller.isPaused()).isTrue();
            assertThat(poller.isRunning()).as("paused is not stopped").isTrue();

            poller.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("while-paused"));
            await().atMost(Duration.ofSeconds(5)).until(() -> depth(url) + inFlight(url) == 0);
            assertThat(poller.isPaused()).isFalse();
        }
    }

    @Test
    void pausingWaitsForTheBatchInProgressWhichIsHandledAndDeleted() throws Exception {
        String url = stack.queueUrl("draining");
        CountDownLatch entered = new CountDownLatch(1);
        HandlerInvoker slowHandler = event -> {
            entered.countDown();
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Outcome.Succeeded("{}", Duration.ofMillis(1_500));
        };
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("slow"));

        try (QueuePoller poller = poller("draining", url, 10, 0, slowHandler).start()) {
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the handler got the batch").isTrue();
            poller.pause();

            assertThat(depth(url) + inFlight(url)).as("the batch finished and was deleted before pause() returned")
                    .isZero();
            assertThat(poller.batchesInvoked()).isEqualTo(1);
        }
    }

    @Test
    void stoppingIsQuickAndLeavesNoThreadRunning() {
        QueuePoller poller = poller("idle", stack.queueUrl("idle"), 1, 0,
                event -> new Outcome.Succeeded("{}", Duration.ZERO)).start();
        long start = System.nanoTime();

        poller.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(poller.isRunning()).isFalse();
    }

    private static QueuePoller poller(String name, String url, int batchSize, int window, HandlerInvoker handler) {
        QueuePoller.Settings settings = new QueuePoller.Settings(name, url, QueuePoller.queueArn(sqs, url), batchSize, window);
        return new QueuePoller(settings, sqs, handler, new SqsEvents(JSON, "us-east-1"), JSON);
    }

    private static int depth(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static int inFlight(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static List<String> bodies(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages().stream().map(Message::body).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
