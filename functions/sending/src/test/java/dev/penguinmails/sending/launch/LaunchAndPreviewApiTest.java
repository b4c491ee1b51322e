package dev.penguinmails.sending.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingApiTest;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Launch checks (on demand and by launch) and the preview, through the real handler. */
@MicronautTest
@Tag("integration")
class LaunchAndPreviewApiTest extends SendingApiTest {

    @Test
    void launchRefusesWithEveryProblemAtOnceAndChangesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, """
                {"name":"x","sequence":[{"variants":[{"name":"A","weight":1,"subject":"Hi {{ frist_name }}",
                 "html":"<p>{{ custom.plan }} and {{ custom.seats | default: 1 }}</p>"}]}]}""");
        String at = campaigns(ws) + "/" + id;

        Reply report = http.get(at + "/launch-checks", owner.headers());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("ready").asBoolean()).isFalse();
        assertThat(codes(report.json())).containsExactlyInAnyOrder("audience-empty", "mailbox-pool-empty",
                "undefined-variable", "undefined-variable");
        assertThat(report.body()).contains("frist_name", "custom.plan").doesNotContain("custom.seats }}");

        var before = snapshot();
        Reply launch = http.post(at + "/launch", "{}", owner.headers());
        assertThat(launch.status()).isEqualTo(422);
        assertThat(launch.problemSlug()).isEqualTo("campaign-not-ready");
        assertThat(launch.json().get("errors")).hasSize(4);
        assertThat(snapshot()).isEqualTo(before);

        Reply withSamples = http.post(at + "/launch-checks", """
                {"sampleContacts":[{"fields":{"email":"ana@acme.io","first_name":"Ana"},"custom":{"plan":"gold"}}]}""",
                owner.headers());
        assertThat(withSamples.body()).as("a custom field the samples have is known").doesNotContain("custom.plan");
    }

    @Test
    void anEmptySequenceIsALaunchProblem() {
        String ws = workspace();
        connectedSender(ws);
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, "{\"name\":\"x\",\"audience\":{\"segmentIds\":[\"seg_1\"]},\"mailboxes\":{\"mailboxIds\":[\"mbx_1\"]}}");

        assertThat(codes(http.get(campaigns(ws) + "/" + id + "/launch-checks", owner.headers()).json()))
                .containsExactly("sequence-empty");
    }

    @Test
    void aReadyCampaignPasses() {
        String ws = workspace();
        connectedSender(ws);
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);

        Reply report = http.get(campaigns(ws) + "/" + id + "/launch-checks", owner.headers());
        assertThat(report.json().get("ready").asBoolean()).as(report.body()).isTrue();
        assertThat(report.json().get("problems")).isEmpty();
    }

    @Test
    void thePreviewRendersAStepForAContactAsItWouldBeSent() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY.replace("<p>{Hi|Hello|Hey}", "<script>alert(1)</script><p onclick=\\\"x()\\\">{Hi|Hello|Hey}"));
        String at = campaigns(ws) + "/" + id + "/preview";
        String ana = "{\"step\":0,\"contact\":{\"id\":\"ctc_ana\",\"fields\":{\"email\":\"ana@acme.io\",\"first_name\":\"Ana\",\"company\":\"Acme\"}}}";

        Reply first = http.post(at, ana, owner.headers());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode email = first.json().get("email");
        assertThat(email.get("subject").asText()).matches("(Hi|Hello) Ana");
        assertThat(email.get("html").asText()).matches("<p>(Hi|Hello|Hey) Ana at Acme</p>");
        assertThat(email.get("text").asText()).matches("(Hi|Hello|Hey) Ana at Acme");
        assertThat(http.post(at, ana, owner.headers()).body()).as("the same contact and step, the same email").isEqualTo(first.body());

        Reply sparse = http.post(at, "{\"step\":0,\"contact\":{\"fields\":{\"email\":\"x@y.io\"}}}", owner.headers());
        assertThat(sparse.json().at("/email/subject").asText()).matches("(Hi|Hello) there");
        assertThat(sparse.json().at("/email/html").asText()).endsWith("there at your team</p>");

        Reply followUp = http.post(at, ana.replace("\"step\":0", "\"step\":1"), owner.headers());
        assertThat(followUp.json().at("/email/subject").asText()).isEqualTo("Re: " + email.get("subject").asText());
        assertThat(followUp.json().at("/email/replyInThread").asBoolean()).isTrue();
    }

    @Test
    void thePreviewRefusesStepsAndVariantsTheCampaignLacks() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY);
        String at = campaigns(ws) + "/" + id + "/preview";

        assertThat(http.post(at, "{\"step\":2,\"contact\":{\"fields\":{\"email\":\"a@b.io\"}}}", owner.headers()).problemSlug())
                .isEqualTo("validation-failed");
        assertThat(http.post(at, "{\"step\":0,\"variant\":\"Z\",\"contact\":{\"fields\":{}}}", owner.headers()).body())
                .contains("no variant Z");
        assertThat(http.post(at, "{\"step\":0}", owner.headers()).status()).isEqualTo(400);
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("problems").forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }
}
