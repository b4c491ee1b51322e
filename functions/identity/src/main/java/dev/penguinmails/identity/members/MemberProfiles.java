package dev.penguinmails.identity.members;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Names and email addresses of members, read from their user profiles ({@code USER#<id>/PROFILE},
 * written by accounts) in batches, so that lists show who is who without copying profiles into every
 * membership (where they would go stale).
 */
@Singleton
public class MemberProfiles {
    private final DynamoDbClient dynamo;
    private final IdentityTable table;

    public MemberProfiles(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A person's public profile, as shown to the other members. */
    public record Profile(String userId, @Nullable String email, @Nullable String name) { }

    /** The profiles of {@code userIds} that exist, by user id. */
    public Map<String, Profile> of(Collection<String> userIds) {
        Map<String, Profile> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = userIds.stream().distinct().map(IdentityKeys::user).toList();
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table.name(), KeysAndAttributes.builder()
                    .keys(keys.subList(i, Math.min(keys.size(), i + 100)))
                    .projectionExpression("pk, #email, #name")
                    .expressionAttributeNames(Map.of("#email", "email", "#name", "name"))
                    .build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
                response.responses().getOrDefault(table.name(), List.of()).forEach(item -> {
                    String userId = item.get(IdentityKeys.PK).s().substring("USER#".length());
                    found.put(userId, new Profile(userId, IdentityTable.string(item, "email").orElse(null),
                            IdentityTable.string(item, "name").orElse(null)));
                });
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }
}
