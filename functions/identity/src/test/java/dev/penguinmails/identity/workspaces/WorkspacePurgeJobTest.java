package dev.penguinmails.identity.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The scheduled purge: after the grace period every item of a workspace goes (memberships, invitations,
 * API keys, audit trail, the workspace itself), {@code workspace.purged} is published once, and other
 * workspaces are untouched; a run cut short is finished by the next.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class WorkspacePurgeJobTest implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    SqsClient sqs;

    TestHttp api;
    IdentityFixtures fixtures;
    Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        properties = IdentityFixtures.properties();
        return properties;
    }

    @BeforeEach
    void setUp() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
    }

    /** A workspace with data of every kind, deleted, its grace period over. */
    private String populatedDeletedWorkspace(Person owner, Person colleague) {
        String ws = api.post("/v1/workspaces", "{\"name\":\"Purge me\"}", owner.token()).json().get("id").asText();
        fixtures.member(ws, colleague, Role.MEMBER);
        assertThat(api.post("/v1/workspaces/" + ws + "/invitations", "{\"email\":\"someone@example.com\",\"role\":\"viewer\"}",
                owner.token()).status()).isEqualTo(201);
        assertThat(api.post("/v1/workspaces/" + ws + "/api-keys", "{\"name\":\"k\",\"scopes\":[\"contacts:read\"]}",
                owner.token()).status()).isEqualTo(201);
        assertThat(api.delete("/v1/workspaces/" + ws, owner.token()).status()).isEqualTo(200);
        PurgeFixtures.backdatePurge(fixtures, ws);
        return ws;
    }

    @Test
    void everyItemOfADueWorkspaceIsDeletedAndOthersAreUntouched() {
        Person owner = fixtures.person("Owner");
        Person colleague = fixtures.person("Colleague");
        String doomed = populatedDeletedWorkspace(owner, colleague);
        String keyOfDoomed = fixtures.apiKey(doomed, Set.of("workspace:read"));
        String kept = fixtures.workspace(owner, "Kept");
        fixtures.member(kept, colleague, Role.VIEWER);
        String keptKey = fixtures.apiKey(kept, Set.of("workspace:read"));
        String deletedButInGrace = fixtures.workspace(owner, "Grace");
        assertThat(api.delete("/v1/workspaces/" + deletedButInGrace, owner.token()).status()).isEqualTo(200);
        assertThat(fixtures.itemsMentioning(doomed)).hasSizeGreaterThan(5);

        PurgeSummary summary = new WorkspacePurgeJob(context).execute(new ScheduledEvent());

        assertThat(summary.purgedWorkspaceIds()).containsExactly(doomed);
        assertThat(summary.moreToDo()).isFalse();
        assertThat(fixtures.itemsMentioning(doomed)).isEmpty();
        assertThat(api.get("/v1/workspaces/" + kept, keyOfDoomed).status()).isEqualTo(401);
        assertThat(api.get("/v1/workspaces/" + kept, keptKey).status()).isEqualTo(200);
        assertThat(api.get("/v1/workspaces/" + kept + "/members", colleague.token()).status()).isEqualTo(200);
        assertThat(WorkspaceApiTest.ids(api.get("/v1/workspaces", owner.token()).json().get("items")))
                .containsExactlyInAnyOrder(kept, deletedButInGrace);

        // Running again finds nothing to do.
        assertThat(new WorkspacePurgeJob(context).execute(new ScheduledEvent()).purgedWorkspaceIds()).isEmpty();
        assertThat(purgedEventsFor(doomed)).hasSize(1);
    }

    @Test
    void aPurgeCutShortResumesOnTheNextRunAndCannotBeRestoredMeanwhile() {
        Person owner = fixtures.person("Owner");
        String ws = populatedDeletedWorkspace(owner, fixtures.person("Colleague"));
        WorkspacePurger purger = context.getBean(WorkspacePurger.class);
        AtomicInteger checks = new AtomicInteger();

        // Time "runs out" after a few batches: the workspace is claimed but not finished.
        PurgeSummary first = purger.purgeDue(() -> checks.incrementAndGet() > 3);

        assertThat(first.moreToDo()).isTrue();
        assertThat(first.purgedWorkspaceIds()).isEmpty();
        assertThat(fixtures.itemsMentioning(ws)).isNotEmpty();
        Reply restore = api.post("/v1/workspaces/" + ws + "/restore", null, owner.token());
        assertThat(restore.status()).isEqualTo(404);

        PurgeSummary second = purger.purgeDue(() -> false);

        assertThat(second.purgedWorkspaceIds()).contains(ws);
        assertThat(fixtures.itemsMentioning(ws)).isEmpty();
    }

    /** The workspace.purged events on the identity-emails queue (fed by the rule for every identity event). */
    private List<JsonNode> purgedEventsFor(String workspaceId) {
        String queue = properties.get(ConfigKeys.queueUrl("identity-emails"));
        List<JsonNode> found = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty() && round > 0) {
                break;
            }
            for (Message m : messages) {
                try {
                    JsonNode event = JSON.readTree(m.body());
                    if ("workspace.purged".equals(event.path("detail-type").asText())
                            && workspaceId.equals(event.path("detail").path("workspaceId").asText())) {
                        found.add(event);
                    }
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
        return found;
    }
}
