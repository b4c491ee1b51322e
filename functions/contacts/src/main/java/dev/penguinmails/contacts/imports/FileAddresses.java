package dev.penguinmails.contacts.imports;

import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The addresses a contact import has met, and the row that first had each (decision 0042): one item per address
 * ({@code pk WS#<workspace>#CONTACT-IMPORT-ADDRESS#<import id>}, {@code sk} the address's workspace hash, never the
 * address itself, so an erasure leaves nothing readable behind), read for a batch in one BatchGetItem and written
 * with the batch. The worker's memory then holds one batch of addresses, whatever the file size, and a resumed
 * slice finds the rows before its checkpoint here instead of re-noting them.
 */
@Singleton
class FileAddresses {
    static final String PARTITION = "CONTACT-IMPORT-ADDRESS#";

    private final DynamoDbClient dynamo;
    private final String table;

    FileAddresses(DynamoDbClient dynamo,
                  @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Address key → the row that first had it, for those of {@code keys} an earlier batch of the import noted. */
    Map<String, Long> firstRows(TenantContext tenant, String importId, Collection<String> keys) {
        Map<String, String> byHash = new HashMap<>();
        List<Map<String, AttributeValue>> lookups = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            String hash = EmailHashes.of(tenant.workspaceId(), key);
            byHash.put(hash, key);
            lookups.add(key(tenant, importId, hash));
        }
        Map<String, Long> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchWrites.getAll(dynamo, table, lookups)) {
            found.put(byHash.get(item.get("sk").s()), Long.parseLong(item.get("row").n()));
        }
        return found;
    }

    /** Notes the first row of each address; noting one again (a batch written again) writes the same item. */
    void note(TenantContext tenant, String importId, Map<String, Long> firstRows, Instant expiresAt) {
        List<WriteRequest> writes = new ArrayList<>();
        firstRows.forEach((key, row) -> {
            Map<String, AttributeValue> item = new HashMap<>(key(tenant, importId,
                    EmailHashes.of(tenant.workspaceId(), key)));
            item.put("row", AttributeValue.fromN(Long.toString(row)));
            item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        });
        BatchWrites.writeAll(dynamo, table, writes);
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String importId, String hash) {
        if (tenant == null) {
            throw new IllegalStateException("imports cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + PARTITION + importId),
                "sk", AttributeValue.fromS(hash));
    }
}
