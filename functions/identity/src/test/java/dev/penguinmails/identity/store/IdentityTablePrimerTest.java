package dev.penguinmails.identity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The identity-table primer against dynalite: a read that finds nothing and writes nothing. */
@Tag("integration")
class IdentityTablePrimerTest {

    @Test
    void readsTheTableAndLeavesItAsItWas() {
        ProvisionedStack stack = TestAws.freshStack();
        DynamoDbClient dynamo = TestAws.shared().clients().dynamoDb();
        String table = stack.properties().get(ConfigKeys.table("identity"));
        int before = dynamo.scan(b -> b.tableName(table)).count();

        // Fails if the key does not fit the table's key schema (DynamoDB rejects the read).
        assertThatCode(new IdentityTablePrimer(dynamo, new IdentityTable(table))::prime).doesNotThrowAnyException();
        assertThat(dynamo.scan(b -> b.tableName(table)).count()).isEqualTo(before);
    }

    @Test
    void aMissingTableIsReportedToPrimingAsAFailure() {
        DynamoDbClient dynamo = TestAws.shared().clients().dynamoDb();

        assertThatThrownBy(() -> new IdentityTablePrimer(dynamo, new IdentityTable("no-such-table-" + System.nanoTime())).prime())
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
