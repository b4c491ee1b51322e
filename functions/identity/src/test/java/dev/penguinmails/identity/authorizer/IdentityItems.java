package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.shared.auth.Role;


import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes the identity items authentication reads, with the contract's attributes, straight into the table. */
final class IdentityItems {
    private final DynamoDbClient dynamo;
    private final String table;

    IdentityItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void session(String userId, String sessionId, String status, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.session(userId, sessionId));
        item.put("status", AttributeValue.fromS(status));
        item.put("familyId", AttributeValue.fromS(sessionId));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        put(item);
    }

    void workspace(String workspaceId, String status, String ownerId) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.workspace(workspaceId));
        item.put("status", AttributeValue.fromS(status));
        item.put("name", AttributeValue.fromS("Workspace " + workspaceId));
        item.put("ownerId", AttributeValue.fromS(ownerId));
        put(item);
    }

    void member(String workspaceId, String userId, Role role) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.member(workspaceId, userId));
        item.put("role", AttributeValue.fromS(role.wireName()));
        item.put("userId", AttributeValue.fromS(userId));
        item.put("workspaceId", AttributeValue.fromS(workspaceId));
        // Indexed by person as MemberStore does, so the authorizer lists it among the person's memberships.
        item.put("gsi1pk", AttributeValue.fromS("USER#" + userId));
        item.put("gsi1sk", AttributeValue.fromS("WS#" + workspaceId));
        put(item);
    }

    /** Stores a key and returns the whole key as a client would send it. */
    String apiKey(String workspaceId, List<String> scopes, int perMinute, Long validUntil, boolean revoked) {
        ApiKeyCredential key = ApiKeyCredential.generate(dev.penguinmails.shared.ids.Ids.newId("key"));
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.apiKey(key.keyId()));
        item.put(ApiKeyAuthenticator.WORKSPACE_ID, AttributeValue.fromS(workspaceId));
        item.put(ApiKeyAuthenticator.SECRET_HASH, AttributeValue.fromS(key.secretHash()));
        item.put(ApiKeyAuthenticator.SCOPES, AttributeValue.fromSs(scopes));
        item.put(ApiKeyAuthenticator.RATE_LIMIT_PER_MINUTE, AttributeValue.fromN(Integer.toString(perMinute)));
        item.put("prefix", AttributeValue.fromS(key.prefix()));
        if (validUntil != null) {
            item.put(ApiKeyAuthenticator.VALID_UNTIL, AttributeValue.fromN(Long.toString(validUntil)));
        }
        if (revoked) {
            item.put(ApiKeyAuthenticator.REVOKED_AT, AttributeValue.fromS(Instant.now().toString()));
        }
        put(item);
        return key.token();
    }

    Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
    }
}
