package dev.penguinmails.sending.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingApiTest;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A launch owes campaign.launched with the status change (outbox): published once, nothing left owed. */
@MicronautTest
@Tag("integration")
class LaunchEventTest extends SendingApiTest {

    @Test
    void aLaunchPublishesCampaignLaunchedOnceAndPauseOrResumeDoNot() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        connectedSender(ws);
        String id = created(owner, ws, READY);
        String at = campaigns(ws) + "/" + id;

        assertThat(http.post(at + "/launch", "{}", owner.headers()).status()).isEqualTo(200);
        assertThat(http.post(at + "/pause", "{}", owner.headers()).status()).isEqualTo(200);
        assertThat(http.post(at + "/resume", "{}", owner.headers()).status()).isEqualTo(200);

        List<PublishedEvent> launched = published("campaign.launched", ws);
        assertThat(launched).hasSize(1);
        assertThat(launched.get(0).detail()).contains("\"campaignId\":\"" + id + "\"").contains("lst_1")
                .contains("\"version\":2");
        assertThat(snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#")))
                .as("nothing is owed any more").allSatisfy(i -> assertThat(i).doesNotContainKey("outboxIds"));
    }

    @Test
    void aRefusedLaunchPublishesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);
        assertThat(http.post(campaigns(ws) + "/" + id + "/launch", "{}", owner.headers()).status()).isEqualTo(422);
        assertThat(published("campaign.launched", ws)).isEmpty();
    }

    private List<PublishedEvent> published(String detailType, String workspaceId) {
        return TestAws.shared().eventBridge().publishedEvents(stack.get(ConfigKeys.EVENT_BUS)).stream()
                .filter(e -> e.detailType().equals(detailType) && e.detail().contains("\"" + workspaceId + "\""))
                .toList();
    }
}
