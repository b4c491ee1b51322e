package dev.penguinmails.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sign-in, lockout, the activity log and new-device emails, through the Lambda handler. */
@MicronautTest
@Tag("integration")
class LoginTest extends IdentityApiTest {
    private static final String FIREFOX_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SAFARI_IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Inject
    AccessTokens accessTokens;

    @Test
    void aLoginReturnsA15MinuteAccessTokenAndARefreshTokenForANewSession() {
        String email = newAddress("login");
        signUp(email, STRONG_PASSWORD, "Lena Login");
        String userId = userIdOf(email);

        TestHttp.Reply reply = login(email.toUpperCase(), STRONG_PASSWORD, "User-Agent", FIREFOX_WINDOWS);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode tokens = reply.json();
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshToken").asText()).hasSize(43);
        AccessTokenClaims claims = accessTokens.verify(tokens.get("accessToken").asText());
        assertThat(claims.userId()).isEqualTo(userId);
        assertThat(claims.emailVerified()).isFalse();
        assertThat(Duration.between(claims.issuedAt(), claims.expiresAt())).isEqualTo(Duration.ofMinutes(15));
        Map<String, AttributeValue> session = item(IdentityKeys.session(userId, claims.sessionId()));
        assertThat(session.get("status").s()).isEqualTo("ACTIVE");
        assertThat(session.get("device").s()).isEqualTo("Firefox on Windows");
        assertThat(session.get("familyId").s()).isEqualTo(claims.sessionId());
        // Only the hash of the refresh token is stored.
        assertThat(item(AccountKeys.refreshToken(SecretHash.sha256Hex(tokens.get("refreshToken").asText()))))
                .containsKey("sessionId").doesNotContainValue(AttributeValue.fromS(tokens.get("refreshToken").asText()));

        TestHttp.Reply me = api.get("/v1/me", bearer(tokens.get("accessToken").asText()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(email);
    }

    @Test
    void anUnknownAddressAndAWrongPasswordGetTheSameAnswer() {
        String email = newAddress("known");
        signUp(email, STRONG_PASSWORD, "Known Person");

        TestHttp.Reply wrongPassword = login(email, "not-the-Password-at-all-1");
        TestHttp.Reply unknown = login(newAddress("nobody"), "not-the-Password-at-all-1");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.problemSlug()).isEqualTo("invalid-credentials");
        assertThat(withoutInstance(unknown.json())).isEqualTo(withoutInstance(wrongPassword.json()));
    }

    @Test
    void fiveFailuresLockTheAccountWithRetryAfterAndEmailTheOwnerTheUnlockTime() {
        String email = newAddress("locked");
        signUp(email, STRONG_PASSWORD, "Lou Locked");
        String userId = userIdOf(email);
        deliverEmails();
        awaitMail(email, 1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(login(email, "wrong-Guess-number-" + i, "X-Forwarded-For", "198.51.100.7").status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429);

        TestHttp.Reply whileLocked = login(email, STRONG_PASSWORD);
        assertThat(whileLocked.status()).isEqualTo(429);
        assertThat(whileLocked.problemSlug()).isEqualTo("account-locked");
        long retryAfter = Long.parseLong(whileLocked.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(800L, 900L);

        deliverEmails();
        Mail lockout = awaitMail(email, 2).get(1);
        assertThat(lockout.subject()).startsWith("Your PenguinMails account is locked until");
        assertThat(lockout.text()).contains("5 wrong passwords").contains("198.51.100.7").contains("Europe/Madrid");

        JsonNode activity = loginActivityOf(email, userId);
        assertThat(activity.get("items").get(0).get("outcome").asText()).isEqualTo("LOCKED_OUT");

        // When the lock has run out, the right password works and the count starts again.
        unlock(email);
        assertThat(login(email, STRONG_PASSWORD).status()).isEqualTo(200);
        assertThat(login(email, "wrong-Again-1234").status()).isEqualTo(401);
    }

    @Test
    void lockNoticesAreCappedAtThreeADayPerAccount() {
        String email = newAddress("relocked");
        signUp(email, STRONG_PASSWORD, "Rae Relocked");
        String userId = userIdOf(email);

        // Anyone can lock an address again each time the lock ends; its owner hears of it three times a day.
        for (int round = 0; round < 4; round++) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(login(email, "wrong-Guess-number-" + i).status());
            }
            assertThat(statuses).as("round " + round).containsExactly(401, 401, 401, 401, 429);
            unlock(email);
        }

        assertThat(published("account.locked")).filteredOn(e -> e.detail().contains(userId)).hasSize(3);
        deliverEmails();
        awaitMail(email, 4);
        assertThat(mailTo(email)).filteredOn(m -> m.subject().startsWith("Your PenguinMails account is locked")).hasSize(3);
        // The locks themselves were not capped: each round ended in 429 above; once unlocked, the owner signs in.
        assertThat(login(email, STRONG_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAddressWithoutAnAccountLocksExactlyLikeOneWith() {
        String nobody = newAddress("ghost");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(login(nobody, "any-Guess-" + i).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429, 429);
    }

    @Test
    void theActivityLogListsEveryAttemptNewestFirstWithCursors() {
        String email = newAddress("activity");
        signUp(email, STRONG_PASSWORD, "Ada Activity");
        String userId = userIdOf(email);
        login(email, "wrong-Guess-4321", "User-Agent", SAFARI_IPHONE, "X-Forwarded-For", "203.0.113.9");
        String access = loggedIn(email, "User-Agent", FIREFOX_WINDOWS, "X-Forwarded-For", "192.0.2.44").get("accessToken").asText();

        TestHttp.Reply first = api.get("/v1/me/login-activity?limit=1", bearer(access));
        assertThat(first.status()).isEqualTo(200);
        JsonNode newest = first.json().get("items").get(0);
        assertThat(newest.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(newest.get("ip").asText()).isEqualTo("192.0.2.44");
        assertThat(newest.get("device").asText()).isEqualTo("Firefox on Windows");
        assertThat(newest.get("sessionId").asText()).startsWith("ses_");
        String cursor = first.text("nextCursor");

        TestHttp.Reply second = api.get("/v1/me/login-activity?limit=1&cursor=" + cursor, bearer(access));
        JsonNode older = second.json().get("items").get(0);
        assertThat(older.get("outcome").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(older.get("userAgent").asText()).isEqualTo(SAFARI_IPHONE);
        assertThat(older.get("ip").asText()).isEqualTo("203.0.113.9");

        TestHttp.Reply tampered = api.get("/v1/me/login-activity?cursor=" + cursor.substring(0, cursor.length() - 2) + "xy",
                bearer(access));
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.problemSlug()).isEqualTo("invalid-cursor");

        // Another person's cursor is not valid in my list.
        String other = newAddress("other");
        signUp(other, STRONG_PASSWORD, "Other Person");
        String otherAccess = loggedIn(other).get("accessToken").asText();
        assertThat(api.get("/v1/me/login-activity?cursor=" + cursor, bearer(otherAccess)).status()).isEqualTo(400);
        assertThat(api.get("/v1/me/login-activity?limit=0", bearer(access)).problemSlug()).isEqualTo("validation-failed");
        assertThat(api.get("/v1/me/login-activity").status()).isEqualTo(401);
        assertThat(userId).isNotBlank();
    }

    @Test
    void aLoginFromANewDeviceOrNetworkIsEmailedButNotTheFirstOneOrARepeat() {
        String email = newAddress("devices");
        signUpVerified(email);

        loggedIn(email, "User-Agent", FIREFOX_WINDOWS, "X-Forwarded-For", "192.0.2.10");
        loggedIn(email, "User-Agent", FIREFOX_WINDOWS.replace("128.0", "129.0"), "X-Forwarded-For", "192.0.2.200");
        deliverEmails();
        assertThat(mailTo(email)).hasSize(1);

        loggedIn(email, "User-Agent", SAFARI_IPHONE, "X-Forwarded-For", "203.0.113.50");
        deliverEmails();
        Mail notice = awaitMail(email, 2).get(1);
        assertThat(notice.subject()).isEqualTo("New sign-in to PenguinMails from Safari on iOS");
        assertThat(notice.text()).contains("203.0.113.50").contains("DELETE /v1/me/sessions/ses_");
        assertThat(notice.html()).doesNotContain("<script");
    }

    private JsonNode loginActivityOf(String email, String userId) {
        unlock(email);
        String access = loggedIn(email).get("accessToken").asText();
        JsonNode page = api.get("/v1/me/login-activity", bearer(access)).json();
        // The first item is the login just made to read the log.
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        assertThat(items.get(0).get("outcome").asText()).isEqualTo("SUCCEEDED");
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .set("items", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(items.subList(1, items.size())));
    }

    /** Moves the lock into the past, as if 15 minutes had gone by. */
    private void unlock(String email) {
        var key = AccountKeys.loginGuard(SecretHash.sha256Hex(email.toLowerCase()));
        if (!item(key).isEmpty()) {
            dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression("SET lockedUntil = :past")
                    .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(
                            Long.toString(Instant.now().minusSeconds(1).getEpochSecond())))));
        }
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) problem).remove("instance");
        return problem;
    }
}
