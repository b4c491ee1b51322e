package dev.penguinmails.domains;

import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TableSnapshot;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Base of the domains API tests: a fresh copy of the stack in the local emulators per class, the real handler
 * behind an embedded server, and callers as identity's authorizer describes them. Subclasses carry
 * {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class DomainsApiTest implements TestPropertyProvider {
    @Inject
    protected ApplicationContext context;
    @Inject
    protected EmbeddedServer server;

    protected Map<String, String> stack;
    protected TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        stack = TestAws.freshStack().properties();
        Map<String, String> properties = new HashMap<>(stack);
        properties.put(AuthorizerContextInjection.ENABLED, "true");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    protected static String workspace() {
        return Ids.newId("ws");
    }

    protected Reply add(Caller caller, String workspaceId, String name) {
        return http.post(domains(workspaceId), "{\"name\":\"" + name + "\"}", caller.headers());
    }

    protected Reply get(Caller caller, String workspaceId, String path) {
        return http.get(domains(workspaceId) + path, caller.headers());
    }

    protected static String domains(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/domains";
    }

    protected DynamoDbClient dynamo() {
        return context.getBean(DynamoDbClient.class);
    }

    protected String table() {
        return stack.get(ConfigKeys.table(PenguinMailsTopology.DOMAINS));
    }

    /** What a refused request must leave as it was. */
    protected List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> snapshot() {
        return TableSnapshot.of(dynamo(), table());
    }

    /**
     * Runs {@code consumer} over everything waiting on {@code queue}, as Lambda's SQS trigger would; fails if it
     * reports a failure.
     */
    protected void deliver(String queue, SqsEventConsumer<?> consumer) {
        List<String> failed = QueueDelivery.drain(TestAws.shared().clients().sqs(), stack.get(ConfigKeys.queueUrl(queue)),
                consumer::execute);
        org.assertj.core.api.Assertions.assertThat(failed).as(queue + " consumer failures").isEmpty();
    }

    /** The events the domains function published with {@code detailType} about {@code workspaceId}. */
    protected List<PublishedEvent> published(String detailType, String workspaceId) {
        return TestAws.shared().eventBridge().publishedEvents(stack.get(ConfigKeys.EVENT_BUS)).stream()
                .filter(e -> e.detailType().equals(detailType) && e.detail().contains("\"" + workspaceId + "\""))
                .toList();
    }
}
