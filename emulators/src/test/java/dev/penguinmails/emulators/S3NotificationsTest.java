package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.topology.BucketSpec;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/** S3Proxy sends S3's object-created event of a bucket the topology says notifies a queue, and of no other. */
@Tag("integration")
class S3NotificationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anObjectStoredInANotifyingBucketSendsS3sEventToItsQueue() throws Exception {
        LocalAws aws = SharedLocalAws.get();
        String prefix = SharedLocalAws.uniquePrefix();
        Topology topology = new Topology("notify-test", List.of(),
                List.of(new BucketSpec("uploads", 1).notifying("uploaded"), new BucketSpec("quiet", 1)),
                List.of(QueueSpec.work("uploaded", 30, 2)), "main", List.of(), List.of());
        ProvisionedStack stack = new Provisioner(aws).provision(topology, prefix, "test");
        String queue = stack.queueUrl("uploaded");

        aws.clients().s3().putObject(r -> r.bucket(prefix + "quiet").key("a.csv"), RequestBody.fromString("x"));
        aws.clients().s3().putObject(r -> r.bucket(prefix + "uploads").key("in/my file+1.csv"),
                RequestBody.fromString("email\na@example.com\n"));

        List<Message> messages = aws.clients().sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                .waitTimeSeconds(2)).messages();
        assertThat(messages).as("one event, of the notifying bucket only").hasSize(1);
        JsonNode record = JSON.readTree(messages.get(0).body()).path("Records").get(0);
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.at("/s3/bucket/name").asText()).isEqualTo(prefix + "uploads");
        assertThat(record.at("/s3/object/key").asText()).as("URL-encoded as S3 does").isEqualTo("in/my+file%2B1.csv");
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(20);
        assertThat(record.at("/s3/object/eTag").asText()).isNotBlank();
    }
}
