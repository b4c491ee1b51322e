package dev.penguinmails.identity.apikeys;

import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.LAST_USED_AT;
import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.RATE_LIMIT_PER_MINUTE;
import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.REVOKED_AT;
import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.SCOPES;
import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.SECRET_HASH;
import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.VALID_UNTIL;
import static dev.penguinmails.identity.authorizer.ApiKeyAuthenticator.WORKSPACE_ID;

import dev.penguinmails.identity.workspaces.WorkspaceItems;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.shared.tenancy.TenantQuery;
import dev.penguinmails.shared.tenancy.TenantTable;
import dev.penguinmails.shared.tenancy.TenantTables;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * API key items ({@code pk APIKEY#<keyId>, sk KEY}; the attributes authentication reads are named in
 * {@link dev.penguinmails.identity.authorizer.ApiKeyAuthenticator}), indexed per workspace on gsi1 under
 * {@code WS#<workspaceId>#APIKEYS} for listing. Every method takes the workspace's
 * {@link TenantContext} and refuses keys of other workspaces. Revoked and expired keys stay listed,
 * with their status, for {@link #KEEP_AFTER_END} before TTL removes them.
 */
@Singleton
public class ApiKeyStore {
    /** How long a revoked or expired key stays listed (with its status) before TTL removes it. */
    static final Duration KEEP_AFTER_END = Duration.ofDays(90);
    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final TenantTable tenantTable;

    public ApiKeyStore(DynamoDbClient dynamo, IdentityTable table, TenantTables tables) {
        this.dynamo = dynamo;
        this.table = table;
        this.tenantTable = tables.table("identity");
    }

    public void create(TenantContext tenant, ApiKey key, String secretHash) {
        create(tenant, key, secretHash, null);
    }

    /** As {@link #create(TenantContext, ApiKey, String)}, the key's item carrying {@code owed} in its outbox. */
    public void create(TenantContext tenant, ApiKey key, String secretHash, @Nullable OutboxEntry owed) {
        requireOwn(tenant, key.workspaceId());
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.apiKey(key.keyId()));
        item.put("keyId", AttributeValue.fromS(key.keyId()));
        item.put(WORKSPACE_ID, AttributeValue.fromS(key.workspaceId()));
        item.put("name", AttributeValue.fromS(key.name()));
        item.put("prefix", AttributeValue.fromS(key.prefix()));
        item.put(SECRET_HASH, AttributeValue.fromS(secretHash));
        item.put(SCOPES, AttributeValue.fromSs(key.scopes().stream().sorted().toList()));
        item.put(RATE_LIMIT_PER_MINUTE, AttributeValue.fromN(Integer.toString(key.rateLimitPerMinute())));
        item.put("createdAt", AttributeValue.fromS(key.createdAt().toString()));
        item.put("createdBy", AttributeValue.fromS(key.createdBy()));
        if (key.validUntil() != null) {
            item.put(VALID_UNTIL, AttributeValue.fromN(Long.toString(key.validUntil().getEpochSecond())));
            item.put(IdentityTable.EXPIRES_AT, epochSeconds(key.validUntil().plus(KEEP_AFTER_END)));
        }
        item.put("gsi1pk", AttributeValue.fromS(tenant.keyPrefix() + WorkspaceItems.API_KEY_INDEX_PARTITION));
        item.put("gsi1sk", AttributeValue.fromS(key.keyId()));
        if (owed != null) {
            item.putAll(owed.attributes());
        }
        dynamo.putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** The workspace's keys, newest first. */
    public Page<ApiKey> list(TenantContext tenant, PageRequest page) {
        return tenantTable.query(tenant, TenantQuery.partition(WorkspaceItems.API_KEY_INDEX_PARTITION).onIndex("gsi1").inDescendingOrder(), page)
                .map(ApiKeyStore::read);
    }

    /** The key, if it exists and belongs to {@code tenant}'s workspace. */
    public Optional<ApiKey> get(TenantContext tenant, String keyId) {
        requireTenant(tenant);
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table.name())
                .key(IdentityKeys.apiKey(keyId)).consistentRead(true)).item();
        return IdentityTable.live(item, Instant.now())
                .filter(i -> tenant.workspaceId().equals(IdentityTable.string(i, WORKSPACE_ID).orElse(null)))
                .map(ApiKeyStore::read);
    }

    /**
     * Revokes the key (it stops working at once, since every request reads it); a key revoked already
     * stays as it was.
     *
     * @return the key as it is now, or empty if it does not exist in this workspace
     */
    public Optional<ApiKey> revoke(TenantContext tenant, String keyId, String actorId, Instant now) {
        return revoke(tenant, keyId, actorId, now, null);
    }

    /** As {@link #revoke(TenantContext, String, String, Instant)}; if it revokes, the item carries {@code owed}. */
    public Optional<ApiKey> revoke(TenantContext tenant, String keyId, String actorId, Instant now, @Nullable OutboxEntry owed) {
        requireTenant(tenant);
        String expression = "SET #revoked = :now, revokedBy = :actor, #ttl = :ttl";
        Map<String, String> names = Map.of("#revoked", REVOKED_AT, "#ws", WORKSPACE_ID, "#ttl", IdentityTable.EXPIRES_AT);
        Map<String, AttributeValue> values = Map.of(":now", AttributeValue.fromS(now.toString()),
                ":ttl", epochSeconds(now.plus(KEEP_AFTER_END)),
                ":actor", AttributeValue.fromS(actorId), ":ws", AttributeValue.fromS(tenant.workspaceId()));
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(r -> r.tableName(table.name())
                    .key(IdentityKeys.apiKey(keyId))
                    .updateExpression(owed == null ? expression : owed.updateExpression(expression))
                    .conditionExpression("attribute_exists(pk) AND #ws = :ws AND attribute_not_exists(#revoked)")
                    .expressionAttributeNames(owed == null ? names : owed.names(names))
                    .expressionAttributeValues(owed == null ? values : owed.values(values))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(read(after));
        } catch (ConditionalCheckFailedException e) {
            return get(tenant, keyId);
        }
    }

    static ApiKey read(Map<String, AttributeValue> item) {
        AttributeValue scopes = item.get(SCOPES);
        return new ApiKey(
                IdentityTable.string(item, "keyId").orElse(item.get(IdentityKeys.PK).s().substring("APIKEY#".length())),
                IdentityTable.string(item, WORKSPACE_ID).orElseThrow(),
                IdentityTable.string(item, "name").orElse(""),
                IdentityTable.string(item, "prefix").orElse(""),
                scopes == null || !scopes.hasSs() ? Set.of() : new HashSet<>(scopes.ss()),
                IdentityTable.number(item, RATE_LIMIT_PER_MINUTE).map(Long::intValue).orElse(0),
                IdentityTable.string(item, "createdAt").map(Instant::parse).orElse(Instant.EPOCH),
                IdentityTable.string(item, "createdBy").orElse(""),
                IdentityTable.number(item, VALID_UNTIL).map(Instant::ofEpochSecond).orElse(null),
                IdentityTable.string(item, REVOKED_AT).map(Instant::parse).orElse(null),
                IdentityTable.number(item, LAST_USED_AT).map(Instant::ofEpochSecond).orElse(null));
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    private static void requireOwn(TenantContext tenant, String workspaceId) {
        requireTenant(tenant);
        if (!tenant.workspaceId().equals(workspaceId)) {
            throw new IllegalArgumentException("a key of workspace " + workspaceId + " cannot be written in " + tenant.workspaceId());
        }
    }

    private static void requireTenant(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("API keys cannot be read or changed without a TenantContext");
        }
    }
}
