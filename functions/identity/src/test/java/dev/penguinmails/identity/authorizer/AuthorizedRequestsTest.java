package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.identity.accesstokens.SigningKeys;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Requests as API Gateway hands them over: identity's real authorizer judges the Authorization header
 * (through {@link GatewayAuthorizerSeam}) and the shared binder answers from its context, through the Lambda
 * path, against the identity table in dynalite: credentials, sessions, tenant resolution, permissions, API keys.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class AuthorizedRequestsTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    AccessTokens tokens;
    @Inject
    IdentityTable table;

    TestHttp http;
    IdentityItems items;
    String userId;
    String sessionId;
    String workspaceId;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestAws.freshStack().properties());
        properties.put(AuthTestController.ENABLED, "true");
        // Revocation must show at once here; the cache itself is tested on its own.
        properties.put("penguinmails.auth.session-cache", "0s");
        return properties;
    }

    @BeforeEach
    void setUp() {
        http = new TestHttp(server.getURL());
        items = new IdentityItems(dynamo, table.name());
        userId = Ids.newId("usr");
        sessionId = Ids.newId("ses");
        workspaceId = Ids.newId("ws");
        items.session(userId, sessionId, "ACTIVE", Instant.now().plus(Duration.ofDays(1)));
        items.workspace(workspaceId, "ACTIVE", userId);
    }

    private String token(String user, String session, boolean verified) {
        Instant now = Instant.now();
        return tokens.sign(new AccessTokenClaims(user, session, verified, Ids.newId("at"), now, now.plus(Duration.ofMinutes(15))));
    }

    private String bearer(String credential) {
        return "Bearer " + credential;
    }

    private static void assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(reply.json().get("type").asText()).isEqualTo("https://penguinmails.dev/problems/" + slug);
    }

    @Test
    void withoutCredentialsAProtectedRouteIs401FromTheGateway() {
        // No identity source: API Gateway answers itself without invoking the authorizer.
        Reply reply = http.get("/v1/_auth-test/me");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("Unauthorized");
    }

    @Test
    void aHeaderThatIsNotABearerCredentialIsRefusedByTheGatewayWith403() {
        // The authorizer denies only malformed headers; API Gateway then answers its own 403.
        for (String header : List.of("Basic dXNlcjpwYXNz", "Bearer not-a-token", "Bearer a.b")) {
            Reply reply = http.get("/v1/_auth-test/me", "Authorization", header);
            assertThat(reply.status()).as(header).isEqualTo(403);
            assertThat(reply.body()).contains("Forbidden");
        }
    }

    @Test
    void aValidAccessTokenOfAnActiveSessionReachesTheControllerAsPrincipal() {
        Reply reply = http.get("/v1/_auth-test/me", "Authorization", bearer(token(userId, sessionId, true)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode seen = reply.json();
        assertThat(seen.get("id").asText()).isEqualTo(userId);
        assertThat(seen.get("kind").asText()).isEqualTo("USER");
        assertThat(seen.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(seen.get("emailVerified").asBoolean()).isTrue();
        // The idempotency filter scopes records by this attribute, and getUserPrincipal() works too.
        assertThat(seen.get("requestPrincipal").asText()).isEqualTo(userId);
        assertThat(seen.get("userPrincipal").asText()).isEqualTo(userId);
    }

    @Test
    void aTokenOfARevokedOrMissingSessionIs401AtOnce() {
        String token = token(userId, sessionId, true);
        assertThat(http.get("/v1/_auth-test/me", "Authorization", bearer(token)).status()).isEqualTo(200);

        items.session(userId, sessionId, "REVOKED", Instant.now().plus(Duration.ofDays(1)));
        assertProblem(http.get("/v1/_auth-test/me", "Authorization", bearer(token)), 401, "unauthorized");

        String unknownSession = token(userId, Ids.newId("ses"), true);
        assertProblem(http.get("/v1/_auth-test/me", "Authorization", bearer(unknownSession)), 401, "unauthorized");
    }

    @Test
    void aSessionPastItsExpiryIsTreatedAsAbsent() {
        String expiredSession = Ids.newId("ses");
        items.session(userId, expiredSession, "ACTIVE", Instant.now().minusSeconds(5));

        assertProblem(http.get("/v1/_auth-test/me", "Authorization", bearer(token(userId, expiredSession, true))),
                401, "unauthorized");
    }

    @Test
    void expiredTamperedUnsignedAndForeignTokensAre401() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = tokens.sign(new AccessTokenClaims(userId, sessionId, true, "jti", past, past.plusSeconds(900)));
        Reply expiredReply = http.get("/v1/_auth-test/me", "Authorization", bearer(expired));
        assertProblem(expiredReply, 401, "unauthorized");
        assertThat(expiredReply.json().get("detail").asText()).contains("expired");

        String valid = token(userId, sessionId, true);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertProblem(http.get("/v1/_auth-test/me", "Authorization", bearer(tampered)), 401, "unauthorized");

        String none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
                new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).audience(AccessTokens.AUDIENCE).subject(userId)
                        .claim("sid", sessionId).jwtID("j").issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build()).serialize();
        assertProblem(http.get("/v1/_auth-test/me", "Authorization", bearer(none)), 401, "unauthorized");

        AccessTokens stranger = AccessTokens.signer(SigningKeys.generate("stranger"), null);
        Instant now = Instant.now();
        String foreign = stranger.sign(new AccessTokenClaims(userId, sessionId, true, "j", now, now.plusSeconds(600)));
        assertProblem(http.get("/v1/_auth-test/me", "Authorization", bearer(foreign)), 401, "unauthorized");
    }

    @Test
    void publicRoutesNeedNoCredentialsAndIgnoreBadOnes() {
        Reply anonymous = http.get("/v1/_auth-test/public");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().hasNonNull("id")).isFalse();
        assertThat(anonymous.json().get("requestPrincipal").asText()).isEqualTo("anonymous");

        Reply stale = http.get("/v1/_auth-test/public", "Authorization", "Bearer not-a-token");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().hasNonNull("id")).isFalse();

        Reply known = http.get("/v1/_auth-test/public", "Authorization", bearer(token(userId, sessionId, false)));
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().get("id").asText()).isEqualTo(userId);
    }

    @Test
    void aMemberGetsTheirTenantContextAndRoleChecksFollowTheMatrix() {
        items.member(workspaceId, userId, Role.VIEWER);
        String token = bearer(token(userId, sessionId, true));

        Reply read = http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", token);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("workspaceId").asText()).isEqualTo(workspaceId);
        assertThat(read.json().get("role").asText()).isEqualTo("viewer");

        assertProblem(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/contacts", "{}", "Authorization", token),
                403, "forbidden");

        items.member(workspaceId, userId, Role.MEMBER);
        assertThat(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/contacts", "{}", "Authorization", token)
                .status()).isEqualTo(200);
        assertProblem(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/manage-members", "{}", "Authorization", token),
                403, "forbidden");
    }

    @Test
    void nonMembersDeletedWorkspacesAndBadIdsAre404LikeAWorkspaceThatDoesNotExist() {
        String token = bearer(token(userId, sessionId, true));
        Reply notMember = http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", token);
        assertProblem(notMember, 404, "not-found");

        String other = Ids.newId("ws");
        Reply missing = http.get("/v1/_auth-test/workspaces/" + other + "/read", "Authorization", token);
        assertProblem(missing, 404, "not-found");
        assertThat(missing.json().get("detail")).isEqualTo(notMember.json().get("detail"));

        items.member(workspaceId, userId, Role.OWNER);
        items.workspace(workspaceId, "DELETED", userId);
        assertProblem(http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", token), 404, "not-found");
        assertThat(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/restore", "{}", "Authorization", token)
                .status()).isEqualTo(200);

        assertProblem(http.get("/v1/_auth-test/workspaces/ws%23x%23y/read", "Authorization", token), 404, "not-found");
    }

    @Test
    void sendingCampaignsNeedsAVerifiedEmail() {
        items.member(workspaceId, userId, Role.MEMBER);
        String path = "/v1/_auth-test/workspaces/" + workspaceId + "/send";

        assertProblem(http.post(path, "{}", "Authorization", bearer(token(userId, sessionId, false))),
                403, "email-not-verified");
        assertThat(http.post(path, "{}", "Authorization", bearer(token(userId, sessionId, true))).status()).isEqualTo(200);
    }

    @Test
    void aWorkspaceRouteWithoutRequiresPermissionServesNobody() {
        items.member(workspaceId, userId, Role.OWNER);

        assertProblem(http.get("/v1/_auth-test/workspaces/" + workspaceId + "/undeclared", "Authorization",
                bearer(token(userId, sessionId, true))), 403, "forbidden");
    }

    @Test
    void anApiKeyActsInItsOwnWorkspaceWithinItsScopes() {
        String key = items.apiKey(workspaceId, List.of("workspace:read", "contacts:write"), 100, null, false);

        Reply read = http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", bearer(key));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("kind").asText()).isEqualTo("API_KEY");
        assertThat(read.json().hasNonNull("role")).isFalse();
        assertThat(read.json().get("scopes")).hasSize(2);

        assertThat(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/contacts", "{}", "Authorization", bearer(key))
                .status()).isEqualTo(200);
        assertProblem(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/send", "{}", "Authorization", bearer(key)),
                403, "forbidden");
        // A permission without a scope (people only) is never granted to a key.
        assertProblem(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/manage-members", "{}", "Authorization",
                bearer(key)), 403, "forbidden");
    }

    @Test
    void anApiKeyOnARouteWithoutAWorkspaceIs403UnlessTheRouteLetsKeysIn() {
        String key = items.apiKey(workspaceId, List.of("workspace:read"), 100, null, false);

        Reply peopleOnly = http.get("/v1/_auth-test/me", "Authorization", bearer(key));
        assertProblem(peopleOnly, 403, "forbidden");
        assertThat(peopleOnly.json().get("detail").asText()).contains("API keys cannot use this endpoint");

        Reply optedIn = http.get("/v1/_auth-test/machines", "Authorization", bearer(key));
        assertThat(optedIn.status()).as(optedIn.body()).isEqualTo(200);
        assertThat(optedIn.json().get("kind").asText()).isEqualTo("API_KEY");
        // People are unaffected on either.
        assertThat(http.get("/v1/_auth-test/me", "Authorization", bearer(token(userId, sessionId, true))).status())
                .isEqualTo(200);
    }

    @Test
    void anApiKeyOfASoftDeletedWorkspaceNeverAuthenticates() {
        String key = items.apiKey(workspaceId, List.of("workspace:read"), 100, null, false);
        assertThat(http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", bearer(key)).status())
                .isEqualTo(200);

        items.workspace(workspaceId, "DELETED", userId);

        assertProblem(http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", bearer(key)),
                401, "unauthorized");
        assertProblem(http.post("/v1/_auth-test/workspaces/" + workspaceId + "/restore", "{}", "Authorization", bearer(key)),
                401, "unauthorized");
        assertProblem(http.get("/v1/_auth-test/machines", "Authorization", bearer(key)), 401, "unauthorized");
        Reply publicRoute = http.get("/v1/_auth-test/public", "Authorization", bearer(key));
        assertThat(publicRoute.status()).isEqualTo(200);
        assertThat(publicRoute.json().hasNonNull("id")).as("no principal on a public route").isFalse();
        assertThat(publicRoute.json().get("requestPrincipal").asText()).isEqualTo("anonymous");
    }

    @Test
    void anApiKeyOfAnotherWorkspaceIs404AndNeverSeesData() {
        String otherWorkspace = Ids.newId("ws");
        items.workspace(otherWorkspace, "ACTIVE", userId);
        String key = items.apiKey(otherWorkspace, List.of("workspace:read"), 100, null, false);

        assertProblem(http.get("/v1/_auth-test/workspaces/" + workspaceId + "/read", "Authorization", bearer(key)),
                404, "not-found");
    }

    @Test
    void revokedExpiredWrongAndMalformedKeysAre401() {
        String revoked = items.apiKey(workspaceId, List.of("workspace:read"), 100, null, true);
        String expired = items.apiKey(workspaceId, List.of("workspace:read"), 100, Instant.now().getEpochSecond() - 10, false);
        String good = items.apiKey(workspaceId, List.of("workspace:read"), 100, Instant.now().getEpochSecond() + 3600, false);
        String wrongSecret = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        String path = "/v1/_auth-test/workspaces/" + workspaceId + "/read";

        Reply revokedReply = http.get(path, "Authorization", bearer(revoked));
        assertProblem(revokedReply, 401, "unauthorized");
        assertThat(revokedReply.json().get("detail").asText()).contains("revoked");
        Reply expiredReply = http.get(path, "Authorization", bearer(expired));
        assertProblem(expiredReply, 401, "unauthorized");
        assertThat(expiredReply.json().get("detail").asText()).contains("expired");
        assertProblem(http.get(path, "Authorization", bearer(wrongSecret)), 401, "unauthorized");
        assertProblem(http.get(path, "Authorization", bearer("pmk_nonsense")), 401, "unauthorized");
        assertThat(http.get(path, "Authorization", bearer(good)).status()).isEqualTo(200);
    }

    @Test
    void anApiKeyOverItsLimitGets429WithRetryAfter() {
        String key = items.apiKey(workspaceId, List.of("workspace:read"), 2, null, false);
        String path = "/v1/_auth-test/workspaces/" + workspaceId + "/read";

        assertThat(http.get(path, "Authorization", bearer(key)).status()).isEqualTo(200);
        assertThat(http.get(path, "Authorization", bearer(key)).status()).isEqualTo(200);
        Reply limited = http.get(path, "Authorization", bearer(key));

        assertProblem(limited, 429, "rate-limited");
        assertThat(limited.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    }

    @Test
    void lastUsedTimeIsRecordedAtMostOnceAMinute() {
        String key = items.apiKey(workspaceId, List.of("workspace:read"), 100, null, false);
        String keyId = ApiKeyCredential.parse(key).orElseThrow().keyId();
        String path = "/v1/_auth-test/workspaces/" + workspaceId + "/read";

        assertThat(http.get(path, "Authorization", bearer(key)).status()).isEqualTo(200);
        String first = items.get(IdentityKeys.apiKey(keyId)).get(ApiKeyAuthenticator.LAST_USED_AT).n();
        assertThat(Long.parseLong(first)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));

        // Pretend the recorded use is 30 s old: within the minute, so the next use leaves it alone.
        long thirtySecondsAgo = Instant.now().getEpochSecond() - 30;
        dynamo.updateItem(r -> r.tableName(table.name()).key(IdentityKeys.apiKey(keyId))
                .updateExpression("SET lastUsedAt = :t")
                .expressionAttributeValues(Map.of(":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromN(Long.toString(thirtySecondsAgo)))));
        assertThat(http.get(path, "Authorization", bearer(key)).status()).isEqualTo(200);
        assertThat(items.get(IdentityKeys.apiKey(keyId)).get(ApiKeyAuthenticator.LAST_USED_AT).n())
                .isEqualTo(Long.toString(thirtySecondsAgo));
    }
}
