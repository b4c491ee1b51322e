package dev.penguinmails.events.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.Fixtures;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.schema.SchemaValidator;
import dev.penguinmails.localruntime.LocalInvoker;
import dev.penguinmails.localruntime.LocalLambdaContext;
import dev.penguinmails.testsupport.TestAws;
import io.micronaut.serde.ObjectMapper.CloseableObjectMapper;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A consumer as Lambda (and the local stack) runs it: created by its no-argument constructor, so it
 * builds its own Micronaut context from the function's configuration, and invoked with an SQS event
 * JSON and a Lambda context whose deadline bounds the idempotency lease.
 */
@Tag("integration")
class LambdaPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HANDLED = new CopyOnWriteArrayList<>();
    private static final List<Long> LEASES_SEEN = new CopyOnWriteArrayList<>();
    private static ProvisionedStack stack;
    private static final Map<String, String> PROPERTIES = new HashMap<>();

    /** Deployed the way a function deploys its consumers; reads its own claim while it works. */
    public static class LambdaPathConsumer extends SqsEventConsumer<AccountSignedUp> {
        @Inject
        DynamoDbClient dynamo;

        @Override
        protected String consumerName() {
            return "lambda-path";
        }

        @Override
        protected Set<EventType<? extends AccountSignedUp>> eventTypes() {
            return Set.of(IdentityEvents.ACCOUNT_SIGNED_UP);
        }

        @Override
        protected void handle(DomainEvent<AccountSignedUp> event) {
            Map<String, AttributeValue> claim = dynamo.getItem(b -> b
                    .tableName(applicationContext.getRequiredProperty("penguinmails.idempotency.table", String.class))
                    .key(ConsumedEventStore.key(consumerName(), event.eventId()))).item();
            LEASES_SEEN.add(Long.parseLong(claim.get("leaseExpiresAt").n()));
            HANDLED.add(event.eventId());
        }
    }

    @BeforeAll
    static void configureTheFunction() {
        // Lambda hands the function its configuration as environment; system properties stand in here.
        stack = TestAws.freshStack();
        PROPERTIES.putAll(stack.properties());
        PROPERTIES.put("penguinmails.idempotency.table", stack.tableName("identity"));
        PROPERTIES.forEach(System::setProperty);
    }

    @AfterAll
    static void retireTheFunction() {
        LocalInvoker.closeAll();
        PROPERTIES.keySet().forEach(System::clearProperty);
    }

    private static String sqsEventJson(String... bodies) {
        ObjectNode event = JSON.createObjectNode();
        for (int i = 0; i < bodies.length; i++) {
            event.withArray("Records").addObject()
                    .put("messageId", "lambda-m" + i)
                    .put("receiptHandle", "handle-" + i)
                    .put("body", bodies[i])
                    .put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:identity-emails")
                    .put("awsRegion", "us-east-1")
                    .putObject("attributes").put("ApproximateReceiveCount", "1");
        }
        return event.toString();
    }

    @Test
    void runsFromItsOwnContextWithALeaseBoundedByTheInvocationDeadline() throws Exception {
        DomainEvent<AccountSignedUp> event = Fixtures.signedUp("lambda@example.com");
        String body;
        try (CloseableObjectMapper mapper = io.micronaut.serde.ObjectMapper.create(Map.of())) {
            String detail = new EventCodec(mapper, new SchemaValidator()).toDetail(event);
            body = "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"account.signed_up\",\"source\":\"penguinmails.identity\","
                    + "\"account\":\"000000000000\",\"time\":\"" + event.occurredAt() + "\",\"region\":\"us-east-1\","
                    + "\"resources\":[],\"detail\":" + detail + "}";
        }
        String handler = LambdaPathConsumer.class.getName();
        long before = Instant.now().toEpochMilli();

        String first = LocalInvoker.invoke(handler, sqsEventJson(body, "garbage"), new LocalLambdaContext("identity-emails", 20_000));
        String again = LocalInvoker.invoke(handler, sqsEventJson(body), new LocalLambdaContext("identity-emails", 20_000));

        JsonNode failures = JSON.readTree(first).get("batchItemFailures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("itemIdentifier").asText()).isEqualTo("lambda-m1");
        // Lambda reads an absent or empty list alike: every message succeeded.
        JsonNode none = JSON.readTree(again).get("batchItemFailures");
        assertThat(none == null || none.isEmpty()).as("no failures in %s", again).isTrue();
        assertThat(HANDLED).containsExactly(event.eventId());
        // 20 s left in the invocation plus a 5 s margin: far short of the 15 min used without a Lambda context.
        assertThat(LEASES_SEEN).singleElement().satisfies(lease ->
                assertThat(lease - before).isBetween(15_000L, 26_000L));
    }
}
