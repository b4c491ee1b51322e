package dev.penguinmails.identity.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Password reset by email, through the Lambda handler and the real email consumer. */
@MicronautTest
@Tag("integration")
class PasswordResetTest extends IdentityApiTest {
    private static final String NEW_PASSWORD = "copper-Lantern-drifts-west-9081";

    @Test
    void theEmailedLinkSetsANewPasswordAndSignsOutEverySession() {
        String email = newAddress("reset");
        signUpVerified(email);
        JsonNode before = loggedIn(email);

        TestHttp.Reply asked = api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        assertThat(asked.status()).isEqualTo(202);
        deliverEmails();
        Mail mail = awaitMail(email, 2).get(1);
        assertThat(mail.subject()).isEqualTo("Reset your PenguinMails password");
        assertThat(mail.text()).contains("/reset-password#token=").doesNotContain("?token=").contains("POST /v1/auth/password-reset/confirm");
        String token = token(mail);

        TestHttp.Reply weak = confirm(token, "password123");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problemSlug()).isEqualTo("weak-password");
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");

        // The weak attempt did not use the token up.
        TestHttp.Reply done = confirm(token, NEW_PASSWORD);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("sessionsRevoked").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/me", bearer(before.get("accessToken").asText())).status()).isEqualTo(401);
        assertThat(api.post("/v1/auth/refresh", TestHttp.json(Map.of("refreshToken", before.get("refreshToken").asText())))
                .status()).isEqualTo(401);
        assertThat(login(email, STRONG_PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);

        TestHttp.Reply reused = confirm(token, "another-Fresh-passphrase-55");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.problemSlug()).isEqualTo("invalid-token");

        deliverEmails();
        assertThat(awaitMail(email, 3).get(2).subject()).isEqualTo("Your PenguinMails password was changed");
    }

    @Test
    void theAnswerIsTheSameForAnUnknownAddressAndNothingIsSent() {
        String known = newAddress("known");
        signUp(known, STRONG_PASSWORD, "Kim Known");
        String unknown = newAddress("unknown");

        TestHttp.Reply forKnown = api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", known)));
        TestHttp.Reply forUnknown = api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", unknown)));

        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        deliverEmails();
        assertThat(mailTo(unknown)).isEmpty();
        assertThat(api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", "nope"))).problemSlug())
                .isEqualTo("validation-failed");
    }

    @Test
    void expiredTamperedAndSupersededTokensAreRefusedAndChangeNothing() {
        String email = newAddress("stale");
        signUp(email, STRONG_PASSWORD, "Stella Stale");
        deliverEmails();
        awaitMail(email, 1);
        api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        String older = token(awaitMail(email, 2).get(1));
        api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        String newer = token(awaitMail(email, 3).get(2));

        String tampered = (newer.charAt(0) == 'A' ? "B" : "A") + newer.substring(1);
        var before = snapshot();
        assertThat(confirm(tampered, NEW_PASSWORD).problemSlug()).isEqualTo("invalid-token");
        assertThat(confirm("", NEW_PASSWORD).problemSlug()).isEqualTo("validation-failed");
        assertThat(snapshot()).isEqualTo(before);

        // The newer link is used; the older one was issued before that change, so it is dead now.
        assertThat(confirm(newer, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(confirm(older, "yet-Another-good-phrase-31").problemSlug()).isEqualTo("invalid-token");

        api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        String late = token(awaitMail(email, 5).get(4));
        dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.oneTimeToken(SecretHash.sha256Hex(late)))
                .updateExpression("SET expiresAt = :past").expressionAttributeValues(Map.of(":past",
                        AttributeValue.fromN(Long.toString(Instant.now().minusSeconds(1).getEpochSecond())))));
        assertThat(confirm(late, "yet-Another-good-phrase-31").problemSlug()).isEqualTo("invalid-token");
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void resettingANeverVerifiedAccountVerifiesItAndRevokesEveryKeyItMade() {
        // Someone registered this address first and made a key; the address's owner now takes the account over.
        String email = newAddress("squatted");
        signUp(email, STRONG_PASSWORD, "Sam Squatter");
        String userId = userIdOf(email);
        String home = context.getBean(UserStore.class).find(userId).orElseThrow().homeWorkspaceId();
        IdentityFixtures fixtures = new IdentityFixtures(context);
        String squattersKey = fixtures.apiKey(home, Set.of("workspace:read"), userId);
        String colleaguesKey = fixtures.apiKey(home, Set.of("workspace:read"), "usr_someone_else");
        assertThat(api.get("/v1/workspaces/" + home, bearer(squattersKey)).status()).isEqualTo(200);

        api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        // The verification and the reset mail leave in one batch, so they may arrive in either order.
        Mail reset = awaitMailWithSubject(email, 2, "Reset your PenguinMails password");
        assertThat(confirm(token(reset), NEW_PASSWORD).status()).isEqualTo(200);

        assertThat(api.get("/v1/workspaces/" + home, bearer(squattersKey)).status()).isEqualTo(401);
        assertThat(api.get("/v1/workspaces/" + home, bearer(colleaguesKey)).status()).isEqualTo(200);
        assertThat(context.getBean(UserStore.class).find(userId).orElseThrow().emailVerified()).isTrue();
        assertThat(login(email, NEW_PASSWORD).json().get("emailVerified").asBoolean()).isTrue();
        assertThat(published("account.email_verified")).anySatisfy(e -> assertThat(e.detail()).contains(userId));
    }

    @Test
    void resettingAVerifiedAccountLeavesItsKeysAlone() {
        String email = newAddress("verified-keys");
        String userId = signUpVerified(email);
        String home = context.getBean(UserStore.class).find(userId).orElseThrow().homeWorkspaceId();
        String key = new IdentityFixtures(context).apiKey(home, Set.of("workspace:read"), userId);

        api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        assertThat(confirm(token(awaitMail(email, 2).get(1)), NEW_PASSWORD).status()).isEqualTo(200);

        assertThat(api.get("/v1/workspaces/" + home, bearer(key)).status()).isEqualTo(200);
    }

    @Test
    void aResetLinkStopsWorkingOnceTheAccountsAddressChanged() {
        String email = newAddress("mover");
        signUpVerified(email);
        api.post("/v1/auth/password-reset", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        String resetToken = token(awaitMail(email, 2).get(1));

        String newEmail = newAddress("moved");
        String access = loggedIn(email).get("accessToken").asText();
        assertThat(api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", newEmail, "password", STRONG_PASSWORD)),
                bearer(access)).status()).isEqualTo(202);
        deliverEmails();
        assertThat(api.post("/v1/me/email-change/confirm", TestHttp.json(Map.of("token", token(awaitMail(newEmail, 1).get(0)))))
                .status()).isEqualTo(200);

        TestHttp.Reply stale = confirm(resetToken, NEW_PASSWORD);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.problemSlug()).isEqualTo("invalid-token");
        assertThat(login(newEmail, STRONG_PASSWORD).status()).isEqualTo(200);
    }

    private TestHttp.Reply confirm(String token, String newPassword) {
        return api.post("/v1/auth/password-reset/confirm", TestHttp.json(Map.of("token", token, "newPassword", newPassword)));
    }
}
