package dev.penguinmails.sending.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingApiTest;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Campaigns through the real handler: defaults, changes by version, the status machine, bad input and tenancy. */
@MicronautTest
@Tag("integration")
class CampaignApiTest extends SendingApiTest {

    @Test
    void aNewCampaignIsADraftWithDefaultsAndCanBeReadListedAndDeleted() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        Reply created = create(owner, ws, "{\"name\":\"  Q3 outreach \"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).contains(campaigns(ws) + "/" + id);
        assertThat(created.json().get("status").asText()).isEqualTo("draft");
        assertThat(created.json().get("name").asText()).isEqualTo("Q3 outreach");
        assertThat(created.json().at("/window/days")).hasSize(5);
        assertThat(created.json().at("/limits/dailyPerMailbox").asInt()).isEqualTo(30);
        assertThat(created.json().get("stopOnReply").asBoolean()).isTrue();
        assertThat(created.json().get("version").asLong()).isEqualTo(1);

        assertThat(http.get(campaigns(ws) + "/" + id, owner.headers()).json().get("name").asText()).isEqualTo("Q3 outreach");
        assertThat(http.get(campaigns(ws), owner.headers()).json().get("items")).hasSize(1);
        assertThat(http.delete(campaigns(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);
        assertThat(http.get(campaigns(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
    }

    @Test
    void aSequenceKeepsItsStepsDelaysAndWeightedVariants() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);

        Reply read = http.get(campaigns(ws) + "/" + id, owner.headers());
        assertThat(read.json().get("sequence")).hasSize(2);
        assertThat(read.json().at("/sequence/0/delay/amount").asInt()).isZero();
        assertThat(read.json().at("/sequence/1/delay/unit").asText()).isEqualTo("days");
        assertThat(read.json().at("/sequence/1/delay/businessDays").asBoolean()).isTrue();
        assertThat(read.json().at("/sequence/1/replyInThread").asBoolean()).isTrue();
        assertThat(read.json().at("/sequence/0/variants/0/weight").asInt()).isEqualTo(1);
    }

    @Test
    void changesNameTheVersionTheyWereBasedOn() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);

        Reply changed = http.patch(campaigns(ws) + "/" + id, "{\"version\":1,\"name\":\"Renamed\",\"trackOpens\":true}",
                owner.headers());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(changed.json().get("trackOpens").asBoolean()).isTrue();
        assertThat(changed.json().get("sequence")).as("what is not given stays").hasSize(2);

        var before = snapshot();
        Reply stale = http.patch(campaigns(ws) + "/" + id, "{\"version\":1,\"name\":\"Lost update\"}", owner.headers());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemSlug()).isEqualTo("campaign-changed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theStatusMachineAllowsOnlyItsMoves() {
        String ws = workspace();
        connectedSender(ws);
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);
        String at = campaigns(ws) + "/" + id;

        Reply pauseDraft = http.post(at + "/pause", "{}", owner.headers());
        assertThat(pauseDraft.status()).isEqualTo(409);
        assertThat(pauseDraft.problemSlug()).isEqualTo("campaign-illegal-transition");
        assertThat(http.post(at + "/resume", "{}", owner.headers()).status()).isEqualTo(409);

        assertThat(http.post(at + "/launch", "{\"version\":1}", owner.headers()).json().get("status").asText()).isEqualTo("active");
        assertThat(http.post(at + "/launch", "{}", owner.headers()).problemSlug()).isEqualTo("campaign-illegal-transition");
        assertThat(http.post(at + "/pause", "{}", owner.headers()).json().get("status").asText()).isEqualTo("paused");
        assertThat(http.post(at + "/resume", "{}", owner.headers()).json().get("status").asText()).isEqualTo("active");
        Reply archived = http.post(at + "/archive", "{}", owner.headers());
        assertThat(archived.json().get("status").asText()).isEqualTo("archived");
        assertThat(archived.json().get("version").asLong()).isEqualTo(5);

        var before = snapshot();
        for (String move : List.of("launch", "pause", "resume", "archive")) {
            Reply refused = http.post(at + "/" + move, "{}", owner.headers());
            assertThat(refused.status()).as(move).isEqualTo(409);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(http.patch(at, "{\"version\":5,\"name\":\"x\"}", owner.headers()).problemSlug()).isEqualTo("campaign-locked");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(http.delete(at, owner.headers()).status()).as("an archived campaign may be deleted").isEqualTo(204);
    }

    @Test
    void aMoveBasedOnAnOldVersionIsRefused() {
        String ws = workspace();
        connectedSender(ws);
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);
        http.patch(campaigns(ws) + "/" + id, "{\"version\":1,\"name\":\"v2\"}", owner.headers());

        Reply refused = http.post(campaigns(ws) + "/" + id + "/launch", "{\"version\":1}", owner.headers());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemSlug()).isEqualTo("campaign-changed");
        assertThat(http.get(campaigns(ws) + "/" + id, owner.headers()).json().get("status").asText()).isEqualTo("draft");
    }

    @Test
    void whatMayChangeDependsOnTheStatus() {
        String ws = workspace();
        connectedSender(ws);
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);
        String at = campaigns(ws) + "/" + id;
        http.post(at + "/launch", "{}", owner.headers());
        var before = snapshot();

        String newSequence = "{\"version\":2,\"sequence\":[{\"variants\":[{\"name\":\"A\",\"weight\":1,\"subject\":\"New\",\"html\":\"<p>x</p>\"}]}]}";
        Reply content = http.patch(at, newSequence, owner.headers());
        assertThat(content.status()).isEqualTo(409);
        assertThat(content.problemSlug()).isEqualTo("campaign-locked");
        assertThat(http.patch(at, "{\"version\":2,\"audience\":{\"listIds\":[\"lst_2\"]}}", owner.headers()).problemSlug())
                .isEqualTo("campaign-locked");
        assertThat(http.delete(at, owner.headers()).problemSlug()).isEqualTo("campaign-locked");
        assertThat(snapshot()).isEqualTo(before);

        assertThat(http.patch(at, "{\"version\":2,\"limits\":{\"dailyPerMailbox\":10,\"gapMinSeconds\":60,\"gapMaxSeconds\":90}}",
                owner.headers()).status()).as("caps may change while it sends").isEqualTo(200);
        http.post(at + "/pause", "{}", owner.headers());
        assertThat(http.patch(at, newSequence.replace("\"version\":2", "\"version\":4"), owner.headers()).status())
                .as("content may change while paused").isEqualTo(200);
        assertThat(http.patch(at, "{\"version\":5,\"audience\":{\"listIds\":[\"lst_2\"]}}", owner.headers()).problemSlug())
                .as("the audience was enrolled at launch").isEqualTo("campaign-locked");
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndWritesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        var before = snapshot();

        assertThat(create(owner, ws, "{}").problemSlug()).isEqualTo("validation-failed");
        assertThat(create(owner, ws, "{\"name\":").status()).isEqualTo(400);
        Reply window = create(owner, ws, """
                {"name":"x","window":{"timezone":"Mars/Olympus","days":["mon"],"start":"18:00","end":"09:00"},
                 "limits":{"dailyPerMailbox":10,"gapMinSeconds":600,"gapMaxSeconds":60}}""");
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.body()).contains("window.timezone", "window.end", "limits.gapMaxSeconds");
        assertThat(create(owner, ws, "{\"name\":\"x\",\"window\":{\"timezone\":\"UTC\",\"days\":[\"someday\"],"
                + "\"start\":\"09:00\",\"end\":\"17:00\"}}").status()).isEqualTo(400);
        assertThat(create(owner, ws, "{\"name\":\"x\",\"sequence\":[{\"variants\":[]}]}").status()).isEqualTo(400);
        assertThat(create(owner, ws, "{\"name\":\"x\",\"sequence\":[{\"variants\":[{\"name\":\"A\",\"weight\":0,"
                + "\"subject\":\"s\",\"html\":\"h\"}]}]}").status()).isEqualTo(400);
        assertThat(create(owner, ws, "{\"name\":\"x\",\"sequence\":[{\"replyInThread\":true,\"variants\":[{\"name\":\"A\","
                + "\"weight\":1,\"html\":\"h\"}]}]}").body()).contains("sequence[0].replyInThread");

        Reply spintax = create(owner, ws, "{\"name\":\"x\",\"sequence\":[{\"variants\":[{\"name\":\"A\",\"weight\":1,"
                + "\"subject\":\"ok\",\"html\":\"<p>line one</p>\\n<p>{Hi|Hello there</p>\"}]}]}");
        assertThat(spintax.status()).isEqualTo(400);
        assertThat(spintax.body()).contains("sequence[0].variants[0].html", "never closed", "line 2, column 4");

        Reply liquid = create(owner, ws, "{\"name\":\"x\",\"sequence\":[{\"variants\":[{\"name\":\"A\",\"weight\":1,"
                + "\"subject\":\"Hi {{ first_name \",\"html\":\"<p>ok</p>\"}]}]}");
        assertThat(liquid.status()).isEqualTo(400);
        assertThat(liquid.body()).contains("sequence[0].variants[0].subject", "liquid", "line 1");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyRouteKeepsToItsWorkspaceAndViewersOnlyRead() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);
        Caller stranger = Caller.owner(other);
        var before = snapshot();

        for (String w : List.of(ws, other)) {
            String at = campaigns(w) + "/" + id;
            assertThat(http.get(at, stranger.headers()).status()).as(w).isEqualTo(404);
            assertThat(http.patch(at, "{\"version\":1,\"name\":\"x\"}", stranger.headers()).status()).isEqualTo(404);
            assertThat(http.delete(at, stranger.headers()).status()).isEqualTo(404);
            for (String move : List.of("launch", "pause", "resume", "archive")) {
                assertThat(http.post(at + "/" + move, "{}", stranger.headers()).status()).as(move).isEqualTo(404);
            }
            assertThat(http.post(at + "/preview", "{\"step\":0,\"contact\":{\"fields\":{\"email\":\"a@b.io\"}}}",
                    stranger.headers()).status()).isEqualTo(404);
            assertThat(http.get(at + "/launch-checks", stranger.headers()).status()).isEqualTo(404);
            assertThat(http.post(at + "/launch-checks", "{}", stranger.headers()).status()).isEqualTo(404);
        }
        assertThat(http.get(campaigns(other), stranger.headers()).json().get("items")).isEmpty();
        assertThat(http.get(campaigns(ws), stranger.headers()).status()).isEqualTo(404);
        assertThat(create(stranger, ws, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);

        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(http.get(campaigns(ws) + "/" + id, viewer.headers()).status()).isEqualTo(200);
        assertThat(http.get(campaigns(ws) + "/" + id + "/launch-checks", viewer.headers()).status()).isEqualTo(200);
        assertThat(create(viewer, ws, "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(http.post(campaigns(ws) + "/" + id + "/launch", "{}", viewer.headers()).status()).isEqualTo(403);
        assertThat(http.get(campaigns(ws) + "/" + id, owner.headers()).json().get("status").asText()).isEqualTo("draft");
    }
}
