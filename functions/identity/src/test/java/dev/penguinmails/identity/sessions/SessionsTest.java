package dev.penguinmails.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.accesstokens.SigningKeys;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Refresh-token rotation and reuse, logout, the sessions list, and forged access tokens. */
@MicronautTest
@Tag("integration")
class SessionsTest extends IdentityApiTest {
    @Inject
    AccessTokens accessTokens;
    @Inject
    RefreshTokens refreshTokens;

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeSessionAndIsAudited() {
        String email = newAddress("rotate");
        signUp(email, STRONG_PASSWORD, "Rita Rotate");
        String userId = userIdOf(email);
        JsonNode first = loggedIn(email);

        TestHttp.Reply rotated = refresh(first.get("refreshToken").asText());
        assertThat(rotated.status()).isEqualTo(200);
        JsonNode second = rotated.json();
        assertThat(second.get("refreshToken").asText()).isNotEqualTo(first.get("refreshToken").asText());
        assertThat(second.get("sessionId").asText()).isEqualTo(first.get("sessionId").asText());
        assertThat(api.get("/v1/me", bearer(second.get("accessToken").asText())).status()).isEqualTo(200);

        // The first token again, after the grace window: someone kept a copy. The session ends for everyone.
        pastReuseGrace(first.get("refreshToken").asText());
        TestHttp.Reply reuse = refresh(first.get("refreshToken").asText());
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.problemSlug()).isEqualTo("invalid-refresh-token");
        Map<String, AttributeValue> session = item(IdentityKeys.session(userId, first.get("sessionId").asText()));
        assertThat(session.get("status").s()).isEqualTo("REVOKED");
        assertThat(session.get("revokedReason").s()).isEqualTo("refresh-token-reuse");
        assertThat(refresh(second.get("refreshToken").asText()).status()).isEqualTo(401);
        assertThat(api.get("/v1/me", bearer(second.get("accessToken").asText())).status()).isEqualTo(401);
        assertThat(auditActions(userId)).contains("auth.refresh_token.reused");

        // Other sessions of the person are untouched.
        assertThat(api.get("/v1/me", bearer(loggedIn(email).get("accessToken").asText())).status()).isEqualTo(200);
    }

    @Test
    void parallelRefreshesWithOneTokenWithinTheGraceWindowAllGetTheSamePairAndKeepTheSession() throws Exception {
        String email = newAddress("tabs");
        signUp(email, STRONG_PASSWORD, "Tabitha Tabs");
        String userId = userIdOf(email);
        JsonNode first = loggedIn(email);
        String token = first.get("refreshToken").asText();

        // Three tabs refresh at once, then a fourth a moment later.
        List<CompletableFuture<TestHttp.Reply>> tabs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tabs.add(CompletableFuture.supplyAsync(() -> refresh(token)));
        }
        List<TestHttp.Reply> replies = new ArrayList<>();
        for (CompletableFuture<TestHttp.Reply> tab : tabs) {
            replies.add(tab.get(60, TimeUnit.SECONDS));
        }
        replies.add(refresh(token));

        for (TestHttp.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.text("refreshToken")).isEqualTo(replies.get(0).text("refreshToken"));
            assertThat(reply.text("accessToken")).isEqualTo(replies.get(0).text("accessToken"));
        }
        String next = replies.get(0).text("refreshToken");
        assertThat(next).isNotEqualTo(token);
        assertThat(item(IdentityKeys.session(userId, first.get("sessionId").asText())).get("status").s()).isEqualTo("ACTIVE");
        assertThat(api.get("/v1/me", bearer(replies.get(0).text("accessToken"))).status()).isEqualTo(200);
        assertThat(auditActions(userId)).doesNotContain("auth.refresh_token.reused");
        // The kept pair is sealed: neither token is readable in the table.
        Map<String, AttributeValue> used = item(AccountKeys.refreshToken(SecretHash.sha256Hex(token)));
        assertThat(used.get("successor").b().asByteArray()).isNotEmpty();
        assertThat(used.toString()).doesNotContain(next).doesNotContain(replies.get(0).text("accessToken"));
        assertThat(new String(used.get("successor").b().asByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(next);
        // The pair works on: the next token rotates as usual.
        assertThat(refresh(next).status()).isEqualTo(200);
    }

    /** Moves the refresh of {@code refreshToken} back beyond the reuse grace window, as if time had passed. */
    private void pastReuseGrace(String refreshToken) {
        Instant longAgo = Instant.now().minus(refreshTokens.reuseGrace()).minusSeconds(1);
        dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.refreshToken(SecretHash.sha256Hex(refreshToken)))
                .updateExpression("SET usedAt = :then")
                .expressionAttributeValues(Map.of(":then", AttributeValue.fromS(longAgo.toString()))));
    }

    @Test
    void anIdempotencyKeyNeitherStoresTokensNorReplaysARotatedRefreshToken() {
        String email = newAddress("idempotent");
        signUp(email, STRONG_PASSWORD, "Ida Idempotent");
        String userId = userIdOf(email);

        JsonNode first = loggedIn(email, "Idempotency-Key", "login-" + userId);
        TestHttp.Reply again = login(email, STRONG_PASSWORD, "Idempotency-Key", "login-" + userId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.json().get("sessionId").asText()).isNotEqualTo(first.get("sessionId").asText());

        // Replaying a refresh must not hand out the rotated pair again: the old token is a reuse, and ends the session.
        String body = TestHttp.json(Map.of("refreshToken", first.get("refreshToken").asText()));
        TestHttp.Reply rotated = api.post("/v1/auth/refresh", body, "Idempotency-Key", "refresh-" + userId);
        pastReuseGrace(first.get("refreshToken").asText());
        TestHttp.Reply replayed = api.post("/v1/auth/refresh", body, "Idempotency-Key", "refresh-" + userId);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.problemSlug()).isEqualTo("invalid-refresh-token");
        assertThat(item(IdentityKeys.session(userId, first.get("sessionId").asText())).get("revokedReason").s())
                .isEqualTo("refresh-token-reuse");

        // No idempotency record holds a token response.
        assertThat(dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("IDEMPOTENCY#"))
                .filter(i -> i.containsKey("body") && new String(i.get("body").b().asByteArray(), StandardCharsets.ISO_8859_1).contains("accessToken"))).isEmpty();
    }

    @Test
    void badRefreshTokensAreRefusedAlike() {
        assertThat(refresh("x".repeat(43)).problemSlug()).isEqualTo("invalid-refresh-token");
        assertThat(refresh("short").status()).isEqualTo(401);
        assertThat(api.post("/v1/auth/refresh", "{}").problemSlug()).isEqualTo("validation-failed");
    }

    @Test
    void aRefreshedAccessTokenCarriesTheVerificationMadeMeanwhile() {
        String email = newAddress("verify-later");
        signUp(email, STRONG_PASSWORD, "Vera Later");
        JsonNode tokens = loggedIn(email);
        assertThat(accessTokens.verify(tokens.get("accessToken").asText()).emailVerified()).isFalse();
        deliverEmails();
        api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token(awaitMail(email, 1).get(0)))));

        JsonNode refreshed = refresh(tokens.get("refreshToken").asText()).json();

        assertThat(accessTokens.verify(refreshed.get("accessToken").asText()).emailVerified()).isTrue();
    }

    @Test
    void logoutEndsThisSessionAtOnceAndLogoutAllEndsEveryOne() {
        String email = newAddress("logout");
        signUp(email, STRONG_PASSWORD, "Lars Logout");
        JsonNode laptop = loggedIn(email);
        JsonNode phone = loggedIn(email);
        JsonNode tablet = loggedIn(email);

        assertThat(api.post("/v1/auth/logout", null, bearer(laptop.get("accessToken").asText())).status()).isEqualTo(204);
        assertThat(api.get("/v1/me", bearer(laptop.get("accessToken").asText())).status()).isEqualTo(401);
        assertThat(refresh(laptop.get("refreshToken").asText()).status()).isEqualTo(401);
        assertThat(api.get("/v1/me", bearer(phone.get("accessToken").asText())).status()).isEqualTo(200);

        assertThat(api.post("/v1/auth/logout-all", null, bearer(phone.get("accessToken").asText())).status()).isEqualTo(204);
        for (JsonNode device : List.of(phone, tablet)) {
            assertThat(api.get("/v1/me", bearer(device.get("accessToken").asText())).status()).isEqualTo(401);
            assertThat(refresh(device.get("refreshToken").asText()).status()).isEqualTo(401);
        }
        assertThat(api.post("/v1/auth/logout", null).status()).isEqualTo(401);
    }

    @Test
    void theSessionsListShowsDevicesAndOneCanBeRevokedButNotAnotherPersons() {
        String email = newAddress("sessions");
        signUp(email, STRONG_PASSWORD, "Sam Sessions");
        JsonNode laptop = loggedIn(email, "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "X-Forwarded-For", "192.0.2.1");
        JsonNode phone = loggedIn(email, "User-Agent", "curl/8.5.0", "X-Forwarded-For", "192.0.2.2");
        String laptopAccess = laptop.get("accessToken").asText();

        TestHttp.Reply list = api.get("/v1/me/sessions", bearer(laptopAccess));
        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("sessionId").asText()).isEqualTo(phone.get("sessionId").asText());
        assertThat(items.get(0).get("device").asText()).isEqualTo("curl");
        assertThat(items.get(0).get("current").asBoolean()).isFalse();
        assertThat(items.get(1).get("device").asText()).isEqualTo("Chrome on macOS");
        assertThat(items.get(1).get("current").asBoolean()).isTrue();

        String stranger = newAddress("stranger");
        signUp(stranger, STRONG_PASSWORD, "Stan Stranger");
        String strangerAccess = loggedIn(stranger).get("accessToken").asText();
        TestHttp.Reply foreign = api.delete("/v1/me/sessions/" + phone.get("sessionId").asText(), bearer(strangerAccess));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemSlug()).isEqualTo("not-found");
        assertThat(api.get("/v1/me", bearer(phone.get("accessToken").asText())).status()).isEqualTo(200);

        assertThat(api.delete("/v1/me/sessions/" + phone.get("sessionId").asText(), bearer(laptopAccess)).status())
                .isEqualTo(204);
        assertThat(api.get("/v1/me", bearer(phone.get("accessToken").asText())).status()).isEqualTo(401);
        assertThat(api.get("/v1/me/sessions", bearer(laptopAccess)).json().get("items")).hasSize(1);
        assertThat(api.delete("/v1/me/sessions/" + phone.get("sessionId").asText(), bearer(laptopAccess)).status())
                .isEqualTo(404);
    }

    @Test
    void forgedExpiredAndTamperedAccessTokensAre401ProblemsWithWwwAuthenticate() throws Exception {
        String email = newAddress("forged");
        signUp(email, STRONG_PASSWORD, "Fay Forged");
        String userId = userIdOf(email);
        JsonNode tokens = loggedIn(email);
        String good = tokens.get("accessToken").asText();
        AccessTokenClaims claims = accessTokens.verify(good);
        String[] parts = good.split("\\.");

        String algNone = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
        String tamperedPayload = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace(userId, "usr_01JZZZZZZZZZZZZZZZZZZZZZZZ")) + "." + parts[2];
        String otherKey = sign(ECKey.parse(SigningKeys.generate("attacker")), claims, claims.expiresAt());
        String expired = accessTokens.sign(new AccessTokenClaims(userId, claims.sessionId(), false, "at_expired",
                Instant.now().minusSeconds(3600), Instant.now().minusSeconds(1800)));

        for (String bad : List.of(algNone, tamperedPayload, otherKey, expired, good + "x")) {
            TestHttp.Reply reply = api.get("/v1/me", bearer(bad));
            assertThat(reply.status()).as(bad).isEqualTo(401);
            assertThat(reply.header("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(reply.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
        // Not even shaped like a token: the authorizer denies it and API Gateway answers 403 itself.
        assertThat(api.get("/v1/me", bearer("garbage")).status()).isEqualTo(403);
        assertThat(api.get("/v1/me", bearer(good)).status()).isEqualTo(200);
    }

    private TestHttp.Reply refresh(String refreshToken) {
        return api.post("/v1/auth/refresh", TestHttp.json(Map.of("refreshToken", refreshToken)));
    }

    private List<String> auditActions(String userId) {
        return dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :audit)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId),
                                ":audit", AttributeValue.fromS("AUDIT#"))))
                .items().stream().map(i -> i.get("action").s()).toList();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(ECKey key, AccessTokenClaims claims, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID(key.getKeyID()).build(), new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER)
                .audience(AccessTokens.AUDIENCE).subject(claims.userId()).claim("sid", claims.sessionId())
                .claim("ev", true).jwtID("at_forged").issueTime(new Date()).expirationTime(Date.from(expires)).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
