package dev.penguinmails.identity.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.ConsumerQueue;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With the event bus refusing every event, each kind of change still succeeds; once the bus is back, the
 * relay job announces every one of them exactly once (counted by event id at the consumer's queue), and
 * the audit entries they owe are written.
 */
@MicronautTest
@Tag("integration")
class ReliableEventsTest extends IdentityApiTest {
    private static final FlakyEventBridge BUS = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());
    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(ConfigKeys.endpoint("eventbridge"), BUS.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", "1",
                "penguinmails.outbox.relay.min-age", "0s");
    }

    @AfterAll
    void stopBus() {
        BUS.close();
    }

    @Test
    void everyChangeMadeWhileTheBusIsDownIsAnnouncedExactlyOnceWhenItIsBack() {
        IdentityFixtures fixtures = new IdentityFixtures(context);
        Person ada = fixtures.person("Ada");
        Person bob = fixtures.person("Bob");
        String verifyLater = newAddress("verify");
        assertThat(signUp(verifyLater, STRONG_PASSWORD, "Vera Verify").status()).isEqualTo(202);
        String signedIn = newAddress("device");
        signUpVerified(signedIn);
        loggedIn(signedIn, "User-Agent", FIREFOX, "X-Forwarded-For", "192.0.2.10");
        deliverEmails();
        String verificationToken = token(awaitMail(verifyLater, 1).get(0));
        queue();

        BUS.inject((call, entry) -> "InternalFailure");
        List<String> expected = new ArrayList<>();
        String newcomer = newAddress("newcomer");
        ok(signUp(newcomer, STRONG_PASSWORD, "Nina Newcomer"), expected, "account.signed_up");
        ok(api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", newcomer))), expected,
                "account.verification_requested");
        ok(api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", verificationToken))), expected,
                "account.email_verified");
        String access = loggedIn(signedIn, "User-Agent", SAFARI, "X-Forwarded-For", "203.0.113.50").get("accessToken").asText();
        expected.add("account.new_device_login");
        ok(api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", signedIn))), expected,
                "account.password_reset_requested");
        ok(api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", newAddress("moved"), "password", STRONG_PASSWORD)),
                bearer(access)), expected, "account.email_change_requested");

        TestHttp.Reply created = api.post("/v1/workspaces", "{\"name\":\"Outbound\"}", ada.token());
        ok(created, expected, "workspace.created");
        String ws = created.json().get("id").asText();
        String base = "/v1/workspaces/" + ws;
        ok(api.patch(base, "{\"name\":\"Outbound EU\"}", ada.token()), expected, "workspace.renamed");
        fixtures.member(ws, bob, Role.MEMBER);
        ok(api.patch(base + "/members/" + bob.userId(), "{\"role\":\"admin\"}", ada.token()), expected, "member.role_changed");
        ok(api.delete(base + "/members/" + bob.userId(), ada.token()), expected, "member.removed");
        ok(api.post(base + "/invitations", TestHttp.json(Map.of("email", newAddress("invitee"), "role", "member")),
                ada.token()), expected, "invitation.sent");
        TestHttp.Reply key = api.post(base + "/api-keys", "{\"name\":\"CRM sync\",\"scopes\":[\"contacts:read\"]}", ada.token());
        ok(key, expected, "api_key.created");
        ok(api.delete(base + "/api-keys/" + key.json().get("apiKey").get("id").asText(), ada.token()), expected,
                "api_key.revoked");
        ok(api.delete(base, ada.token()), expected, "workspace.deleted");
        ok(api.post(base + "/restore", "{}", ada.token()), expected, "workspace.restored");

        assertThat(queue()).as("nothing gets through while the bus is down").isEmpty();

        BUS.inject((call, entry) -> null);
        new EventRelayJob(context).execute(new ScheduledEvent());
        List<ConsumerQueue.Arrival> arrived = queue();

        assertThat(arrived.stream().collect(Collectors.groupingBy(ConsumerQueue.Arrival::eventId, Collectors.counting())))
                .as("each event exactly once").allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(arrived).extracting(ConsumerQueue.Arrival::detailType).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new EventRelayJob(context).execute(new ScheduledEvent()).delivered()).isZero();
        assertThat(queue()).isEmpty();

        List<String> audited = new ArrayList<>();
        api.get(base + "/audit-log?limit=100", ada.token()).json().get("items").forEach(i -> audited.add(i.get("action").asText()));
        assertThat(audited).contains("workspace.created", "workspace.renamed", "member.role_changed", "member.removed",
                "invitation.created", "api_key.created", "api_key.revoked", "workspace.deleted", "workspace.restored");
    }

    private static void ok(TestHttp.Reply reply, List<String> expected, String detailType) {
        assertThat(reply.status()).as(detailType + ": " + reply).isBetween(200, 299);
        expected.add(detailType);
    }

    private List<ConsumerQueue.Arrival> queue() {
        return ConsumerQueue.takeAll(TestAws.shared().clients().sqs(), stack.queueUrls().get("identity-emails"));
    }
}
