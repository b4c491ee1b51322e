package dev.penguinmails.contacts;

import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.shared.ids.Ids;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Base of the contacts API tests: a fresh copy of the stack in the local emulators per class, the real handler
 * behind an embedded server, and callers as identity's authorizer describes them. Subclasses carry
 * {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class ContactsApiTest implements TestPropertyProvider {
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

    protected static String contacts(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/contacts";
    }

    protected static String suppressions(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/suppressions";
    }

    protected static String fields(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/contact-fields";
    }

    protected Reply create(Caller caller, String workspaceId, String json) {
        return http.post(contacts(workspaceId), json, caller.headers());
    }

    protected Reply declare(Caller caller, String workspaceId, String name, String type) {
        return http.send("PUT", fields(workspaceId) + "/" + name, "{\"type\":\"" + type + "\"}", caller.headers());
    }

    protected DynamoDbClient dynamo() {
        return context.getBean(DynamoDbClient.class);
    }

    protected String table() {
        return stack.get(ConfigKeys.table(PenguinMailsTopology.CONTACTS));
    }

    /** What a refused request must leave as it was. */
    protected List<Map<String, AttributeValue>> snapshot() {
        return TableSnapshot.of(dynamo(), table());
    }

    /** The events the contacts function published with {@code detailType} about {@code workspaceId}. */
    protected List<PublishedEvent> published(String detailType, String workspaceId) {
        return TestAws.shared().eventBridge().publishedEvents(stack.get(ConfigKeys.EVENT_BUS)).stream()
                .filter(e -> e.detailType().equals(detailType) && e.detail().contains("\"" + workspaceId + "\""))
                .toList();
    }
}
