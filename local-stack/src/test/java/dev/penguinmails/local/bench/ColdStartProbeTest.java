package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.LocalStackOptions;
import dev.penguinmails.local.queues.QueuePoller;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.Topology;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The probe's core against a local stack in this JVM running the fixture functions: it reads the
 * environment from the stack, and measures the queue and scheduled entry points in a class loader of
 * their own, settling a queue batch as the poller would.
 */
@Tag("integration")
class ColdStartProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topology TOPOLOGY = FixtureAccess.topology();
    private static LocalStack stack;
    private static Map<String, String> environment;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withTopology(TOPOLOGY, FixtureAccess.classpath())
                .withLocalAws(TestAws.shared(), "probe-"));
        environment = ColdStartProbe.fetchEnvironment(stack.apiBaseUrl(), "alpha");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void theEnvironmentComesFromTheRunningStack() {
        assertThat(environment).isEqualTo(stack.functionEnvironment("alpha"));
        assertThatThrownBy(() -> ColdStartProbe.fetchEnvironment(stack.apiBaseUrl(), "gamma"))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("HTTP 404").hasMessageContaining("no function family gamma");
    }

    @Test
    void aQueueEntryPointGetsTheWaitingBatchAndOnlyItsHandledMessagesAreDeleted() throws Exception {
        QueuePoller poller = stack.pollers().get(0);
        String url = stack.stack().queueUrl("alpha-work");
        SqsClient sqs = stack.localAws().clients().sqs();
        poller.pause();
        ColdStartReport report;
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("fine"));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("fail"));

            report = ColdStartProbe.measure(target("work"), TOPOLOGY, environment, stack.apiBaseUrl(), 1,
                    FixtureAccess.projectRoot().resolve(QueueFeed.SAMPLES));

            assertThat(count(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                    + count(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .as("the failed message stays for a retry; the handled one is deleted").isEqualTo(1);
        } finally {
            poller.resume();
        }

        assertThat(report.succeeded()).as("a batch item failure fails the invocation").isFalse();
        assertThat(report.detail()).isEqualTo("1 batchItemFailures of 2 message(s)");
        assertThat(report.entryPoint()).isEqualTo("work");
        assertThat(report.initMillis()).isPositive();
        JsonNode line = JSON.readTree(report.toJson(JSON));
        assertThat(line.path("outcome").asText()).isEqualTo("failed");
        assertThat(line.path("handler").asText()).isEqualTo("dev.penguinmails.local.fixtures.alpha.AlphaQueueHandler");
    }

    @Test
    void aScheduledEntryPointIsFiredWithItsRulesEvent() throws Exception {
        ColdStartReport report = ColdStartProbe.measure(target("tick"), TOPOLOGY, environment, stack.apiBaseUrl(), 7,
                FixtureAccess.projectRoot().resolve(QueueFeed.SAMPLES));

        assertThat(report.succeeded()).as(report.detail()).isTrue();
        assertThat(report.detail()).isEqualTo("returned");
        assertThat(report.initMillis()).isPositive();
        assertThat(report.coldStartMillis()).isEqualTo(7 + report.initMillis() + report.firstInvocationMillis());
        JsonNode line = JSON.readTree(report.toJson(JSON));
        assertThat(line.path("function").asText()).isEqualTo("alpha");
        assertThat(line.path("jvmBootMillis").asLong()).isEqualTo(7);
        assertThat(line.path("coldStartMillis").asLong()).isEqualTo(report.coldStartMillis());
        assertThat(line.path("outcome").asText()).isEqualTo("succeeded");
    }

    private static ProbeTarget target(String entryPoint) {
        return ProbeTarget.find(TOPOLOGY, FixtureAccess.classpath(), "alpha", entryPoint);
    }

    private static int count(SqsClient sqs, String url, QueueAttributeName attribute) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(attribute))
                .attributes().get(attribute));
    }
}
