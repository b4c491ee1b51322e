package dev.penguinmails.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.identity.emails.AccountEmailConsumer;
import dev.penguinmails.testsupport.SqsBatches;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Base of the identity API tests: one provisioned stack per class (dynalite, ElasticMQ, local
 * EventBridge, SES to GreenMail), the real Lambda handler behind an embedded server, and helpers to
 * sign up, read the emails that the real email consumer sends, and compare the table before and after.
 * Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class IdentityApiTest implements TestPropertyProvider {
    public static final String STRONG_PASSWORD = "violet-tractor-sings-Quarterly-42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected ApplicationContext context;

    protected ProvisionedStack stack;
    protected TestHttp api;
    protected DynamoDbClient dynamo;
    protected String table;

    @Override
    public Map<String, String> getProperties() {
        stack = TestAws.freshStack();
        dynamo = TestAws.shared().clients().dynamoDb();
        table = stack.properties().get(ConfigKeys.table("identity"));
        Map<String, String> properties = new HashMap<>(stack.properties());
        // Generous throttles, so only the tests that are about throttling meet them.
        properties.put("penguinmails.auth.throttle.login-per-ip-per-minute", "1000");
        properties.put("penguinmails.auth.throttle.login-per-account-per-minute", "1000");
        properties.put("penguinmails.auth.throttle.signup-per-ip-per-hour", "1000");
        properties.put("penguinmails.auth.throttle.mail-requests-per-ip-per-hour", "1000");
        // Roomy plan limits, so only the tests that are about plan limits meet them (PlanLimitsTest).
        properties.put("penguinmails.identity.plan-limits.default-seats", "100");
        properties.put("penguinmails.identity.plan-limits.default-workspaces-per-account", "100");
        // Lighter Argon2id keeps the suite fast; the production parameters are measured by the benchmark.
        properties.put("penguinmails.passwords.memory-kib", "19456");
        properties.put("penguinmails.passwords.iterations", "2");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeEach
    void api() {
        api = new TestHttp(server.getURL());
    }

    /** A fresh address nobody in this JVM used. */
    protected static String newAddress(String who) {
        return who + "." + ADDRESSES.incrementAndGet() + "." + Long.toHexString(System.nanoTime()) + "@example.com";
    }

    protected static String[] bearer(String accessToken) {
        return new String[] {"Authorization", "Bearer " + accessToken};
    }

    protected TestHttp.Reply signUp(String email, String password, String name) {
        return api.post("/v1/signup", TestHttp.json(Map.of("email", email, "password", password, "name", name,
                "workspaceName", name + "'s team", "timezone", "Europe/Madrid", "locale", "es")));
    }

    /** Signs up, verifies through the emailed link, and returns the user id. */
    protected String signUpVerified(String email) {
        assertThat(signUp(email, STRONG_PASSWORD, "Maria Gonzalez").status()).isEqualTo(202);
        deliverEmails();
        String token = token(awaitMail(email, 1).get(0));
        assertThat(api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token))).status()).isEqualTo(200);
        return userIdOf(email);
    }

    protected TestHttp.Reply login(String email, String password, String... headers) {
        return api.post("/v1/auth/login", TestHttp.json(Map.of("email", email, "password", password)), headers);
    }

    /** Logs in and returns the token response. */
    protected JsonNode loggedIn(String email, String... headers) {
        TestHttp.Reply reply = login(email, STRONG_PASSWORD, headers);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    protected String userIdOf(String email) {
        Map<String, AttributeValue> claim = dynamo.getItem(r -> r.tableName(table)
                .key(AccountKeys.emailClaim(new EmailAddress(email).normalized())).consistentRead(true)).item();
        assertThat(claim).as("claim of " + email).isNotEmpty();
        return claim.get("userId").s();
    }

    protected Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    /** Runs the real email consumer over the {@code identity-emails} queue (see {@link #deliver}). */
    protected void deliverEmails() {
        deliver("identity-emails", new AccountEmailConsumer(context));
    }

    /**
     * Runs {@code consumer} over everything in {@code queue}, as Lambda's SQS trigger would, and deletes what it
     * processed. Fails if it reports a failure.
     */
    protected void deliver(String queue, SqsEventConsumer<?> consumer) {
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.queueUrls().get(queue);
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (messages.isEmpty()) {
                return;
            }
            SQSBatchResponse response = consumer.execute(sqsEvent(messages));
            assertThat(response.getBatchItemFailures()).as(queue + " consumer failures").isEmpty();
            messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    /** The messages as Lambda's SQS event source hands them over. */
    protected static SQSEvent sqsEvent(List<Message> messages) {
        return SqsBatches.sqsEvent(messages);
    }

    /** An email as received by GreenMail. */
    public record Mail(String to, String subject, String text, String html) { }

    protected List<Mail> awaitMail(String address, int count) {
        List<MimeMessage> messages = TestAws.mailbox().awaitMessagesTo(address, count, Duration.ofSeconds(15));
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : messages) {
            mails.add(read(address, m));
        }
        return mails;
    }

    /**
     * The one mail with {@code subject} among the first {@code count} to {@code address}. Mails sent in one
     * batch reach GreenMail in any order, so a test that sends several at once picks by subject.
     */
    protected Mail awaitMailWithSubject(String address, int count, String subject) {
        List<Mail> matching = awaitMail(address, count).stream().filter(m -> subject.equals(m.subject())).toList();
        assertThat(matching).as("one mail titled '%s' to %s", subject, address).hasSize(1);
        return matching.get(0);
    }

    protected List<Mail> mailTo(String address) {
        return TestAws.mailbox().messagesTo(address).stream().map(m -> read(address, m)).toList();
    }

    private static Mail read(String address, MimeMessage message) {
        try {
            String text = "";
            String html = "";
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = part.getContent().toString();
                    } else if (part.isMimeType("text/html")) {
                        html = part.getContent().toString();
                    }
                }
            } else {
                text = content.toString();
            }
            return new Mail(address, message.getSubject(), text, html);
        } catch (Exception e) {
            throw new AssertionError("cannot read a message to " + address, e);
        }
    }

    /** The one-time token of the link in a mail. */
    protected static String token(Mail mail) {
        Matcher m = TOKEN.matcher(mail.text());
        assertThat(m.find()).as("a token link in: " + mail.text()).isTrue();
        return m.group(1);
    }

    /** The events identity published on this stack's bus, of one detail-type. */
    protected List<PublishedEvent> published(String detailType) {
        return TestAws.shared().eventBridge().publishedEvents(stack.properties().get(ConfigKeys.EVENT_BUS)).stream()
                .filter(e -> e.detailType().equals(detailType)).toList();
    }

    /**
     * Every item of the table except the bookkeeping that any request may touch (rate-limit buckets,
     * consumed-event and idempotency records), to prove a refused request changed nothing.
     */
    protected Map<String, Map<String, AttributeValue>> snapshot() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> r.tableName(table).consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String pk = item.get("pk").s();
                if (pk.startsWith("RATE#") || pk.startsWith("CONSUMED#") || pk.toUpperCase().startsWith("IDEMPOTENCY")) {
                    continue;
                }
                items.put(pk + " | " + item.get("sk").s(), item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
