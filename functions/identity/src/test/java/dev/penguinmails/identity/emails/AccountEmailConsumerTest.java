package dev.penguinmails.identity.emails;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.testsupport.TestAws;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS handler of identity-emails: at most one email per event and email, bad messages reported alone. */
@MicronautTest
@Tag("integration")
class AccountEmailConsumerTest extends IdentityApiTest {

    @Test
    void aRedeliveredEventSendsItsEmailOnce() {
        String email = newAddress("twice");
        signUp(email, STRONG_PASSWORD, "Tim Twice");
        List<Message> messages = receiveAll();
        assertThat(messages).hasSize(1);
        AccountEmailConsumer consumer = new AccountEmailConsumer(context);

        SQSBatchResponse first = consumer.execute(sqsEvent(messages));
        SQSBatchResponse again = new AccountEmailConsumer(context).execute(sqsEvent(messages));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        awaitMail(email, 1);
        sleepABit();
        assertThat(mailTo(email)).hasSize(1);
    }

    @Test
    void aPoisonMessageIsReportedAloneAndEventsWithoutAnEmailAreAcknowledged() {
        String email = newAddress("poison");
        signUp(email, STRONG_PASSWORD, "Pia Poison");
        deliverEmails();
        String token = token(awaitMail(email, 1).get(0));
        api.post("/v1/auth/verify-email", dev.penguinmails.testsupport.TestHttp.json(java.util.Map.of("token", token)));
        String other = newAddress("healthy");
        signUp(other, STRONG_PASSWORD, "Hal Healthy");

        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.queueUrls().get("identity-emails");
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"this is\": \"not an event\""));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"version\":\"0\",\"detail-type\":\"account.no_such_thing\","
                + "\"source\":\"penguinmails.identity\",\"detail\":{}}"));
        List<Message> messages = receiveAll();
        // account.email_verified (no email), account.signed_up (healthy), and the two bad ones.
        assertThat(messages).hasSize(4);

        SQSBatchResponse response = new AccountEmailConsumer(context).execute(sqsEvent(messages));

        List<String> failed = new ArrayList<>();
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        List<String> bad = messages.stream().filter(m -> !m.body().contains("penguinmails.identity")
                || m.body().contains("no_such_thing")).map(Message::messageId).toList();
        assertThat(failed).containsExactlyInAnyOrderElementsOf(bad);
        assertThat(awaitMail(other, 1).get(0).subject()).isEqualTo("Verify your email address for PenguinMails");
    }

    private List<Message> receiveAll() {
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.queueUrls().get("identity-emails");
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    private static void sleepABit() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
