package dev.penguinmails.sending.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The scheduler tick's batched path to the send queue (decision 0076), against ElasticMQ. */
@Tag("integration")
class SendQueueTest {

    @Test
    void tasksGoTenToACallAndEveryAcceptedOneIsInTheQueue() {
        var stack = TestAws.freshStack();
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.properties().get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS));
        try (ApplicationContext context = ApplicationContext.run(new HashMap<String, Object>(stack.properties()))) {
            List<SendQueue.Delayed> tasks = IntStream.range(0, 23)
                    .mapToObj(i -> new SendQueue.Delayed(new SendTask("ws_q", "enr_" + i, 1, "mbx_q"), Duration.ZERO))
                    .toList();

            Set<Integer> accepted = context.getBean(SendQueue.class).enqueueAll(tasks);

            assertThat(accepted).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 23).boxed().toList());
            Set<String> bodies = new HashSet<>();
            for (int round = 0; round < 20 && bodies.size() < 23; round++) {
                for (Message m : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()) {
                    bodies.add(m.body());
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
            assertThat(bodies).hasSize(23).allMatch(b -> b.contains("\"workspaceId\":\"ws_q\""));
            assertThat(bodies).anyMatch(b -> b.contains("\"enrolmentId\":\"enr_22\""));
        }
    }

    @Test
    void aQueueThatRefusesTheCallsAcceptsNothingAndThrowsNothing() {
        var stack = TestAws.freshStack();
        try (ApplicationContext context = ApplicationContext.run(new HashMap<String, Object>(stack.properties()))) {
            String missing = stack.properties().get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_SENDS)) + "-missing";
            SendQueue queue = new SendQueue(() -> TestAws.shared().clients().sqs(), context.getBean(JsonMapper.class), missing);

            Set<Integer> accepted = queue.enqueueAll(List.of(
                    new SendQueue.Delayed(new SendTask("ws_q", "enr_1", 1, "mbx_q"), Duration.ZERO)));

            assertThat(accepted).isEmpty();
        }
    }
}
