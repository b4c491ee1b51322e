package dev.penguinmails.identity.workspaces;

import dev.penguinmails.identity.accounts.AccountStatus;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.apikeys.ApiKey;
import dev.penguinmails.identity.apikeys.ApiKeyStore;
import dev.penguinmails.identity.members.MemberStore;
import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.identity.authorizer.ApiKeyCredential;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * People, workspaces, memberships and keys for tests, written through the real stores (no HTTP, no
 * password hashing), plus access tokens of real sessions signed with the function's key.
 */
public final class IdentityFixtures {
    private final ApplicationContext context;
    private final DynamoDbClient dynamo;
    private final String table;

    /**
     * Properties for a test class: a fresh copy of the stack in the emulators, session revocation seen at
     * once, and cheaper (still OWASP-minimum) Argon2id parameters for the few passwords tests hash.
     */
    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(dev.penguinmails.testsupport.TestAws.freshStack().properties());
        properties.put("penguinmails.auth.session-cache", "0s");
        properties.put("penguinmails.passwords.memory-kib", "19456");
        // Roomy plan limits, so only the tests that are about plan limits meet them (PlanLimitsTest).
        properties.put("penguinmails.identity.plan-limits.default-seats", "100");
        properties.put("penguinmails.identity.plan-limits.default-workspaces-per-account", "100");
        properties.put("penguinmails.passwords.iterations", "2");
        return properties;
    }

    public IdentityFixtures(ApplicationContext context) {
        this.context = context;
        this.dynamo = context.getBean(DynamoDbClient.class);
        this.table = context.getBean(IdentityTable.class).name();
    }

    /** A signed-in person: their access token belongs to an active session. */
    public record Person(String userId, String email, String name, String sessionId, String token) { }

    public Person person(String name) {
        return person(name, true);
    }

    public Person person(String name, boolean emailVerified) {
        String userId = Ids.newId("usr");
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + "." + userId.substring(userId.length() - 8).toLowerCase()
                + "@example.com";
        Instant now = Instant.now();
        User user = new User(userId, email, name, "UTC", "en", "$argon2id$not-a-real-hash", emailVerified,
                emailVerified ? now : null, AccountStatus.ACTIVE, Ids.newId("ws"), "Home", "evt_01JD5Q2X7V4G0ZK3M8N6P9R2TS",
                now, now, 1);
        UserStore users = context.getBean(UserStore.class);
        users.create(user, Optional.empty());
        users.claimEmail(user.normalizedEmail(), userId, Optional.empty());
        String sessionId = Ids.newId("ses");
        Map<String, AttributeValue> session = new HashMap<>(IdentityKeys.session(userId, sessionId));
        session.put("status", AttributeValue.fromS("ACTIVE"));
        session.put("familyId", AttributeValue.fromS(sessionId));
        session.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(Duration.ofDays(1)).getEpochSecond())));
        dynamo.putItem(r -> r.tableName(table).item(session));
        String token = context.getBean(AccessTokens.class).sign(new AccessTokenClaims(userId, sessionId, emailVerified,
                Ids.newId("at"), now, now.plus(Duration.ofMinutes(15))));
        return new Person(userId, email, name, sessionId, token);
    }

    /** A new active workspace owned by {@code owner}. */
    public String workspace(Person owner, String name) {
        return context.getBean(WorkspaceService.class).createOwned(owner.userId(), name).id();
    }

    public void member(String workspaceId, Person person, Role role) {
        context.getBean(MemberStore.class).add(workspaceId, person.userId(), role, Instant.now());
    }

    /** An API key of {@code workspaceId} with {@code scopes}; returns the whole key. */
    public String apiKey(String workspaceId, Set<String> scopes) {
        return apiKey(workspaceId, scopes, "usr_fixture");
    }

    /** An API key of {@code workspaceId} with {@code scopes}, made by {@code createdBy}; returns the whole key. */
    public String apiKey(String workspaceId, Set<String> scopes, String createdBy) {
        ApiKeyCredential credential = ApiKeyCredential.generate(Ids.newId("key"));
        ApiKey key = new ApiKey(credential.keyId(), workspaceId, "fixture", credential.prefix(), scopes, 10_000,
                Instant.now(), createdBy, null, null, null);
        context.getBean(ApiKeyStore.class).create(TenantContext.system(workspaceId, "test"), key, credential.secretHash());
        return credential.token();
    }

    /**
     * Every item of the identity table whose keys mention {@code text} (a scan: tests only), except
     * rate-limit buckets: throttle counters, not data, which expire on their own within their period.
     */
    public List<Map<String, AttributeValue>> itemsMentioning(String text) {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items().stream()
                .filter(item -> !item.get("pk").s().startsWith("RATE#"))
                .filter(item -> List.of("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "workspaceId").stream()
                        .map(item::get).anyMatch(v -> v != null && v.s() != null && v.s().contains(text)))
                .toList();
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public String table() {
        return table;
    }
}
