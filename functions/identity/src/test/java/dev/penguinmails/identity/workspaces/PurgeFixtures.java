package dev.penguinmails.identity.workspaces;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Moves a deleted workspace's purge time into the past, as if its grace period had ended. */
final class PurgeFixtures {
    private PurgeFixtures() { }

    static void backdatePurge(IdentityFixtures fixtures, String workspaceId) {
        String past = WorkspaceItems.sortable(Instant.now().minusSeconds(60));
        fixtures.dynamo().updateItem(r -> r.tableName(fixtures.table()).key(WorkspaceItems.key(workspaceId))
                .updateExpression("SET purgeAfter = :p, gsi2sk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(past))));
    }
}
