package dev.penguinmails.domains.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import dev.penguinmails.testsupport.SqsBatches;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Submitting onboarding files through the real handler, and running the real consumer over the real queue; with a
 * DNS server on loopback, so that another workspace can verify a domain.
 */
abstract class OnboardingApiTestBase extends DnsApiTest {

    protected Reply submit(Caller caller, String ws, String kind, String csv) {
        return http.send("POST", onboarding(ws) + "/" + kind + "?fileName=" + kind + ".csv", csv,
                concat(caller.headers(), "Content-Type", "text/csv"));
    }

    protected static String onboarding(String ws) {
        return "/v1/workspaces/" + ws + "/onboarding";
    }

    protected JsonNode job(Caller caller, String ws, String jobId) {
        Reply reply = http.get(onboarding(ws) + "/jobs/" + jobId, caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    protected JsonNode errors(Caller caller, String ws, String jobId) {
        Reply reply = http.get(onboarding(ws) + "/jobs/" + jobId + "/errors?limit=100", caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("items");
    }

    /** Runs the consumer over what is on the queue, one message per invocation as the trigger's batch size says. */
    protected int deliverAll() {
        int invocations = 0;
        while (deliverOne()) {
            invocations++;
        }
        return invocations;
    }

    /** One invocation of the consumer with the next message, if there is one; fails if it reports a failure. */
    protected boolean deliverOne() {
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = queueUrl();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(0))
                .messages();
        if (messages.isEmpty()) {
            return false;
        }
        SQSBatchResponse response = new OnboardingConsumer(context).execute(SqsBatches.sqsEvent(messages));
        assertThat(response.getBatchItemFailures()).as("onboarding consumer failures").isEmpty();
        messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        return true;
    }

    protected String queueUrl() {
        return stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.DOMAINS_ONBOARDING));
    }

    protected int queued() {
        return Integer.parseInt(TestAws.shared().clients().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages"));
    }

    /** The objects in the onboarding bucket, with their content. */
    protected List<String> uploads() {
        S3Client s3 = context.getBean(S3Client.class);
        String bucket = stack.get(ConfigKeys.bucket(PenguinMailsTopology.DOMAINS_ONBOARDING));
        List<String> contents = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2(r -> r.bucket(bucket)).contents()) {
            contents.add(object.key() + "\n" + s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asUtf8String());
        }
        return contents;
    }

    protected static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
