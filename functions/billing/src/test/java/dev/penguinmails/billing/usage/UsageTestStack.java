package dev.penguinmails.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.emulators.stripe.StripeStandIn;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.SqsBatches;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Billing's context for usage and quota tests: a fresh copy of the stack in the emulators, a Stripe stand-in of its
 * own, and the authorizer context taken from a test header. Usage events travel as in production: published on the
 * bus, routed by the rule to {@code billing-usage}, and handed to the real consumer as Lambda's SQS trigger would.
 */
public final class UsageTestStack implements AutoCloseable {
    public static final String WEBHOOK_SECRET = "whsec_usage_tests";
    private final ProvisionedStack stack;
    private final StripeStandIn stripe;

    private UsageTestStack(ProvisionedStack stack, StripeStandIn stripe) {
        this.stack = stack;
        this.stripe = stripe;
    }

    /** Provisions a fresh stack and starts a Stripe stand-in on a free port. */
    public static UsageTestStack start() {
        return new UsageTestStack(TestAws.freshStack(), StripeStandIn.start(0));
    }

    /** The properties of billing's context. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put(ConfigKeys.STRIPE_API_BASE, stripe.baseUrl());
        properties.put(ConfigKeys.STRIPE_API_KEY, "sk_test_usage");
        properties.put(ConfigKeys.STRIPE_WEBHOOK_SECRET, WEBHOOK_SECRET);
        properties.put(AuthorizerContextInjection.ENABLED, "true");
        return properties;
    }

    public StripeStandIn stripe() {
        return stripe;
    }

    public ProvisionedStack stack() {
        return stack;
    }

    /** The header pair that makes the request come from an owner of {@code workspaceId}. */
    public static String[] ownerOf(String workspaceId) {
        AuthorizerContext owner = AuthorizerContext.user("usr_owner", "ses_owner", true,
                Instant.now().getEpochSecond() + 600, Map.of(workspaceId, new AuthorizerContext.Membership(Role.OWNER, false)));
        return new String[] {AuthorizerContextInjection.HEADER, AuthorizerContextInjection.header(owner.toMap())};
    }

    /** Publishes {@code event} on the bus as its producer family would. */
    public void publish(ApplicationContext context, DomainEvent<?> event) {
        context.getBean(EventPublisher.class).publish(event);
    }

    /** Takes every message waiting on {@code billing-usage} off the queue (they are gone afterwards). */
    public List<Message> takeUsageMessages() {
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.queueUrl(PenguinMailsTopology.BILLING_USAGE);
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return all;
    }

    /** Runs the real usage consumer over {@code messages}; fails if it reports any of them failed. */
    public static void consume(ApplicationContext context, List<Message> messages) {
        SQSBatchResponse response = new UsageEventConsumer(context).execute(SqsBatches.sqsEvent(messages));
        assertThat(response.getBatchItemFailures()).as("usage consumer failures").isEmpty();
    }

    /** Publishes each event and runs the consumer over what reached the queue. */
    public void publishAndConsume(ApplicationContext context, List<? extends DomainEvent<?>> events) {
        events.forEach(e -> publish(context, e));
        List<Message> messages = takeUsageMessages();
        assertThat(messages).as("messages on billing-usage").hasSize(events.size());
        consume(context, messages);
    }

    /** The events billing published on the bus with {@code detailType} about {@code workspaceId}. */
    public List<PublishedEvent> published(String detailType, String workspaceId) {
        return TestAws.shared().eventBridge().publishedEvents(stack.properties().get(ConfigKeys.EVENT_BUS)).stream()
                .filter(e -> e.detailType().equals(detailType) && e.detail().contains("\"" + workspaceId + "\""))
                .toList();
    }

    /** Records {@code account} as the workspace's billing, as a synced subscription would. */
    public static void recordAccount(ApplicationContext context, BillingAccount account) {
        BillingAccounts accounts = context.getBean(BillingAccounts.class);
        BillingAccount current = accounts.get(account.workspaceId(), "free");
        assertThat(accounts.write(current, account, null)).as("account written").isTrue();
    }


    @Override
    public void close() {
        stripe.close();
    }
}
