package dev.penguinmails.sending;

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
 * Base of the sending API tests: a fresh copy of the stack in the local emulators per class, the real Lambda
 * handler behind an embedded server, and callers as identity's authorizer describes them. Subclasses carry
 * {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class SendingApiTest implements TestPropertyProvider {
    /** A campaign that passes every launch check that does not need sending's copies. */
    protected static final String READY = """
            {"name":"Q3 outreach","audience":{"listIds":["lst_1"]},"mailboxes":{"mailboxIds":["mbx_1"]},
             "sequence":[
               {"variants":[{"name":"A","weight":1,"subject":"{Hi|Hello} {{ first_name | default: \\"there\\" }}",
                             "html":"<p>{Hi|Hello|Hey} {{ first_name | default: \\"there\\" }} at {{ company | default: \\"your team\\" }}</p>"}]},
               {"delay":{"amount":3,"unit":"days","businessDays":true},"replyInThread":true,
                "variants":[{"name":"A","weight":1,"html":"<p>Following up, {{ first_name | default: \\"there\\" }}.</p>"}]}]}""";

    /** Two unsubscribe keys (k2 signs, k1 still verifies), 256 bits each, as the secret holds them. */
    protected static final String UNSUBSCRIBE_KEYS = "k1:" + "A".repeat(43) + "=,k2:" + "B".repeat(43) + "=";

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
        properties.put("penguinmails.sending.unsubscribe.keys", UNSUBSCRIBE_KEYS);
        properties.put("penguinmails.sending.unsubscribe.current-key-id", "k2");
        return properties;
    }

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    protected static String workspace() {
        return Ids.newId("ws");
    }

    protected static String campaigns(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/campaigns";
    }

    protected Reply create(Caller caller, String workspaceId, String json) {
        return http.post(campaigns(workspaceId), json, caller.headers());
    }

    /** Creates a campaign and answers its id. */
    protected String created(Caller caller, String workspaceId, String json) {
        Reply reply = create(caller, workspaceId, json);
        if (reply.status() != 201) {
            throw new AssertionError("create failed: " + reply);
        }
        return reply.json().get("id").asText();
    }

    protected DynamoDbClient dynamo() {
        return context.getBean(DynamoDbClient.class);
    }

    protected String table() {
        return stack.get(ConfigKeys.table(PenguinMailsTopology.SENDING));
    }

    /**
     * Gives the workspace the copies of a connected mailbox {@code mbx_1} on a verified domain, as the copies consumer
     * keeps them, so that {@link #READY} passes every launch check.
     */
    protected void connectedSender(String workspaceId) {
        var tenant = dev.penguinmails.shared.tenancy.TenantContext.system(workspaceId, "test");
        var copies = context.getBean(dev.penguinmails.sending.copies.SenderCopies.class);
        copies.applyMailbox(tenant, new dev.penguinmails.events.mailboxes.MailboxState("mbx_1", "ana@acme.io", "acme.io",
                "Ana", "ses", "connected", true, 40, false, 1, 1, null, null, null, null, 1));
        copies.applyDomain(tenant, new dev.penguinmails.events.domains.DomainState("acme.io", "verified", true, "pm1",
                "pm1.sealed", "bounce.acme.io", "track.acme.io", null, 1));
    }

    /** What a refused request must leave as it was. */
    protected List<Map<String, AttributeValue>> snapshot() {
        return TableSnapshot.of(dynamo(), table());
    }
}
