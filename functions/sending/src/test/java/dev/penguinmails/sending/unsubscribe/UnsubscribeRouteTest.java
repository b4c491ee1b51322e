package dev.penguinmails.sending.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.sending.SendingApiTest;
import dev.penguinmails.sending.sends.SentMessage;
import dev.penguinmails.sending.sends.SentMessages;
import dev.penguinmails.shared.aws.SecretValues;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.ConsumerQueue;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The public unsubscribe link against the real handler and emulators: the page changes nothing, one-click and the
 * form unsubscribe once and publish {@code email.unsubscribed} once, bad tokens change nothing.
 */
@MicronautTest
@Tag("integration")
class UnsubscribeRouteTest extends SendingApiTest {
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String FORM = "application/x-www-form-urlencoded";

    @BeforeEach
    void drainQueues() {
        arrivals(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES);
        arrivals(PenguinMailsTopology.SENDING_STATS);
    }

    @Test
    void theLinkPointsAtThisRouteAndThePageChangesNothing() {
        Sent sent = sent(workspace());
        UnsubscribeLinks links = context.getBean(UnsubscribeLinks.class);
        String token = links.issue(sent.ws, sent.messageId, sent.contactId, sent.campaignId);
        assertThat(links.https(token)).isEqualTo(URI.create("https://u.penguinmails.dev/v1/u/" + token));
        assertThat(token).as("signed with the current key").startsWith("k2.");

        Reply page = http.get("/v1/u/" + token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<form method=\"post\">", "<button type=\"submit\">Unsubscribe</button>",
                "<html lang=\"en\">").doesNotContain("<script");
        assertSecurityHeaders(page);
        assertThat(context.getBean(Unsubscribes.class).recorded(sent.ws, sent.messageId)).isFalse();
        assertThat(arrivals(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES)).isEmpty();
    }

    @Test
    void oneClickUnsubscribesOncePublishesOnceAndARepeatStillConfirms() {
        Sent sent = sent(workspace());
        String token = token(sent);

        Reply first = http.send("POST", "/v1/u/" + token, ONE_CLICK, "Content-Type", FORM);
        Reply second = http.send("POST", "/v1/u/" + token, ONE_CLICK, "Content-Type", FORM);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("You are unsubscribed");
        assertSecurityHeaders(first);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("You are unsubscribed");
        var arrived = arrivals(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES);
        assertThat(arrived).as("one event for two clicks").hasSize(1);
        assertThat(arrived.get(0).detailType()).isEqualTo("email.unsubscribed");
        assertThat(arrivals(PenguinMailsTopology.SENDING_STATS)).extracting(ConsumerQueue.Arrival::detailType)
                .containsExactly("email.unsubscribed");
        assertThat(context.getBean(Unsubscribes.class).recorded(sent.ws, sent.messageId)).isTrue();
    }

    @Test
    void theFormRecordsMethodPageAndTheEventCarriesTheCampaignSend() {
        Sent sent = sent(workspace());

        Reply reply = http.send("POST", "/v1/u/" + token(sent), "confirm=page", "Content-Type", FORM);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> bodies = bodies(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES);
        assertThat(bodies).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) bodies.get(0).get("detail");
        assertThat(detail.get("workspaceId")).isEqualTo(sent.ws);
        assertThat(detail).containsEntry("method", "page").containsEntry("messageId", sent.messageId)
                .containsEntry("emailHash", EmailHashes.of(sent.ws, "ana@acme.io"));
        assertThat(oneClickBody("List-Unsubscribe=One-Click")).isTrue();
        assertThat(oneClickBody("List-Unsubscribe%3DOne-Click")).isFalse();
        assertThat(UnsubscribePages.unusable(io.micronaut.http.HttpStatus.BAD_REQUEST, "<script>x</script>").body())
                .as("anything echoed is escaped").contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void tamperedUnknownKeyMalformedAndExpiredTokensGetAFriendlyPageAndChangeNothing() {
        Sent sent = sent(workspace());
        String token = token(sent);
        String[] parts = token.split("\\.");
        char last = parts[1].charAt(parts[1].length() - 2);
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];
        UnsubscribeTokens otherKey = UnsubscribeTokens.fromBase64("k9", Map.of("k9", "C".repeat(43) + "="), Clock.systemUTC());
        String unknownKey = otherKey.issue(new UnsubscribeToken(sent.ws, sent.messageId, sent.contactId, sent.campaignId,
                Instant.now().plusSeconds(3600)));
        UnsubscribeLinks past = new UnsubscribeLinks(context.getBean(UnsubscribeSettings.class),
                context.getBean(SecretValues.class), Clock.fixed(Instant.now().minusSeconds(400L * 86400), ZoneOffset.UTC));
        String expired = past.issue(sent.ws, sent.messageId, sent.contactId, sent.campaignId);

        for (String bad : List.of(tampered, unknownKey, "not-a-token", "k2.AAAA.BBBB")) {
            Reply get = http.get("/v1/u/" + bad);
            Reply post = http.send("POST", "/v1/u/" + bad, ONE_CLICK, "Content-Type", FORM);
            assertThat(get.status()).as(bad).isEqualTo(400);
            assertThat(post.status()).as(bad).isEqualTo(400);
            assertThat(post.body()).contains("This link does not work", "Nothing was changed").doesNotContain("<script");
            assertSecurityHeaders(post);
        }
        Reply gone = http.send("POST", "/v1/u/" + expired, ONE_CLICK, "Content-Type", FORM);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("expired");
        assertThat(http.get("/v1/u/" + expired).status()).isEqualTo(410);

        assertThat(context.getBean(Unsubscribes.class).recorded(sent.ws, sent.messageId)).isFalse();
        assertThat(arrivals(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES)).isEmpty();
    }

    @Test
    void aTokenOfWorkspaceANamingAMessageOfWorkspaceBChangesNothing() {
        Sent inB = sent(workspace());
        String wsA = workspace();
        String token = context.getBean(UnsubscribeLinks.class).issue(wsA, inB.messageId, inB.contactId, inB.campaignId);
        Sent otherContact = sent(workspace());
        String wrongContact = context.getBean(UnsubscribeLinks.class).issue(otherContact.ws, otherContact.messageId,
                "con_someoneelse", otherContact.campaignId);

        Reply reply = http.send("POST", "/v1/u/" + token, ONE_CLICK, "Content-Type", FORM);
        Reply mismatch = http.send("POST", "/v1/u/" + wrongContact, ONE_CLICK, "Content-Type", FORM);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(mismatch.status()).isEqualTo(404);
        assertThat(context.getBean(Unsubscribes.class).recorded(inB.ws, inB.messageId)).isFalse();
        assertThat(context.getBean(Unsubscribes.class).recorded(wsA, inB.messageId)).isFalse();
        assertThat(context.getBean(Unsubscribes.class).recorded(otherContact.ws, otherContact.messageId)).isFalse();
        assertThat(arrivals(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES)).isEmpty();
    }

    private static boolean oneClickBody(String body) {
        return UnsubscribeController.oneClick(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertSecurityHeaders(Reply reply) {
        assertThat(reply.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'"));
        assertThat(reply.header("Referrer-Policy")).contains("no-referrer");
        assertThat(reply.header("X-Frame-Options")).contains("DENY");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    private record Sent(String ws, String messageId, String contactId, String campaignId) { }

    private Sent sent(String ws) {
        String messageId = Ids.newId("msg") + "@mail.acme.io";
        String contactId = Ids.newId("con");
        String campaignId = Ids.newId("cmp");
        context.getBean(SentMessages.class).record(new SentMessage(ws, messageId, "mbx_1",
                new CampaignSend(campaignId, Ids.newId("enr"), contactId, 0, "var_a"), EmailHashes.of(ws, "ana@acme.io"),
                Instant.now()));
        return new Sent(ws, messageId, contactId, campaignId);
    }

    private String token(Sent sent) {
        return context.getBean(UnsubscribeLinks.class).issue(sent.ws, sent.messageId, sent.contactId, sent.campaignId);
    }

    private List<ConsumerQueue.Arrival> arrivals(String queue) {
        return ConsumerQueue.takeAll(TestAws.shared().clients().sqs(), stack.get(ConfigKeys.queueUrl(queue)));
    }

    private List<Map<String, Object>> bodies(String queue) {
        var sqs = TestAws.shared().clients().sqs();
        String url = stack.get(ConfigKeys.queueUrl(queue));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        List<software.amazon.awssdk.services.sqs.model.Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (var m : batch) {
                try {
                    out.add(mapper.readValue(m.body(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return out;
    }
}
