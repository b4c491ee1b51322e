package dev.penguinmails.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.testsupport.MutableClock;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.TableSpec;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against dynalite: tenant isolation by construction, conditional writes, versions, expiry, paging. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class TenantTableTest implements TestPropertyProvider {
    private static final TenantContext A = TenantContext.user("ws_a", "usr_a", Role.OWNER);
    private static final TenantContext B = TenantContext.user("ws_b", "usr_b", Role.OWNER);
    private Map<String, String> properties;

    @Inject
    TenantTables tables;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    CursorCodec cursors;

    private MutableClock clock;
    private TenantTable table;
    private String partition;

    @Override
    public Map<String, String> getProperties() {
        properties = TestAws.freshStack().properties();
        return properties;
    }

    @BeforeEach
    void table() {
        clock = new MutableClock(Instant.now());
        table = new TenantTable(dynamo, properties.get(ConfigKeys.table(PenguinMailsTopology.IDENTITY)),
                TableSpec.standard(PenguinMailsTopology.IDENTITY), cursors, clock);
        // Each test gets partitions of its own, as the table is shared by the class.
        partition = "THING#" + System.nanoTime();
    }

    @Test
    void keysAreWrittenInsideTheCallersWorkspace() {
        Map<String, AttributeValue> stored = table.create(A, partition, "META", Map.of("name", s("first")));

        assertThat(stored.get("pk").s()).isEqualTo("WS#ws_a#" + partition);
        assertThat(stored.get("version").n()).isEqualTo("1");
        Map<String, AttributeValue> raw = dynamo.getItem(r -> r.tableName(table.tableName())
                .key(Map.of("pk", s("WS#ws_a#" + partition), "sk", s("META")))).item();
        assertThat(raw.get("name").s()).isEqualTo("first");
    }

    @Test
    void tenantBCannotReadUpdateDeleteOrListTenantAsItem() {
        table.create(A, partition, "META", Map.of("secret", s("a's data")));

        assertThat(table.get(B, partition, "META")).isEmpty();
        assertThat(table.query(B, TenantQuery.partition(partition), PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> table.update(B, partition, "META", 1, Map.of("secret", s("stolen"))))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(table.delete(B, partition, "META")).isFalse();

        assertThat(table.get(A, partition, "META")).hasValueSatisfying(item ->
                assertThat(item.get("secret").s()).isEqualTo("a's data"));
    }

    @Test
    void aPartitionNamingAnotherWorkspaceStillLandsInTheCallersOwn() {
        table.create(A, partition, "META", Map.of());

        assertThat(table.get(B, "../WS#ws_a#" + partition, "META")).isEmpty();
        assertThat(table.get(B, "#ws_a#" + partition, "META")).isEmpty();
        assertThatThrownBy(() -> TenantContext.user("ws_a#" + partition, "u", Role.OWNER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondaryIndexPartitionsAreWorkspaceScopedToo() {
        table.create(A, partition, "META", Map.of("gsi1pk", s("EMAIL#" + partition), "gsi1sk", s("x")));

        Page<Map<String, AttributeValue>> mine = table.query(A,
                TenantQuery.partition("EMAIL#" + partition).onIndex("gsi1"), PageRequest.first());
        Page<Map<String, AttributeValue>> theirs = table.query(B,
                TenantQuery.partition("EMAIL#" + partition).onIndex("gsi1"), PageRequest.first());

        assertThat(mine.items()).singleElement().satisfies(item ->
                assertThat(item.get("gsi1pk").s()).isEqualTo("WS#ws_a#EMAIL#" + partition));
        assertThat(theirs.items()).isEmpty();
    }

    @Test
    void creatingWhatExistsIsAConflictButCreatingOverAnExpiredItemIsNot() {
        table.create(A, partition, "META", Map.of("expiresAt", n(clock.instant().getEpochSecond() + 60)));

        assertThatThrownBy(() -> table.create(A, partition, "META", Map.of()))
                .isInstanceOfSatisfying(ItemExistsException.class, e -> assertThat(e.status()).isEqualTo(409));
        clock.advance(Duration.ofSeconds(61));
        assertThat(table.create(A, partition, "META", Map.of("name", s("again"))).get("name").s()).isEqualTo("again");
    }

    @Test
    void itemsPastTheirExpiryAreAbsentForEveryReader() {
        long in30s = clock.instant().getEpochSecond() + 30;
        table.create(A, partition, "TOKEN#1", Map.of("expiresAt", n(in30s)));
        table.create(A, partition, "TOKEN#2", Map.of());

        assertThat(table.get(A, partition, "TOKEN#1")).isPresent();
        clock.advance(Duration.ofSeconds(30));

        assertThat(table.get(A, partition, "TOKEN#1")).isEmpty();
        assertThat(table.query(A, TenantQuery.partition(partition), PageRequest.first()).items())
                .extracting(item -> item.get("sk").s()).containsExactly("TOKEN#2");
        assertThatThrownBy(() -> table.update(A, partition, "TOKEN#1", 1, Map.of("x", s("y"))))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(table.delete(A, partition, "TOKEN#1")).isFalse();
    }

    @Test
    void updatesCheckTheVersionAndBumpIt() {
        table.create(A, partition, "META", Map.of("name", s("v1"), "note", s("to be removed")));
        Map<String, AttributeValue> changes = new HashMap<>();
        changes.put("name", s("v2"));
        changes.put("note", null);

        Map<String, AttributeValue> updated = table.update(A, partition, "META", 1, changes);

        assertThat(updated.get("version").n()).isEqualTo("2");
        assertThat(updated.get("name").s()).isEqualTo("v2");
        assertThat(updated).doesNotContainKey("note");
        assertThatThrownBy(() -> table.update(A, partition, "META", 1, Map.of("name", s("lost update"))))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(table.get(A, partition, "META").orElseThrow().get("name").s()).isEqualTo("v2");
        assertThatThrownBy(() -> table.update(A, partition + "-missing", "META", 1, Map.of()))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void queriesPageBySignedCursorsThatOnlyWorkForTheSameTenantAndQuery() {
        for (int i = 0; i < 5; i++) {
            table.create(A, partition, "ITEM#" + i, Map.of());
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = new PageRequest(2, null);
        List<Integer> sizes = new ArrayList<>();
        String firstCursor = null;
        while (true) {
            Page<Map<String, AttributeValue>> page = table.query(A, TenantQuery.partition(partition).sortKeyStartsWith("ITEM#"), request);
            page.items().forEach(item -> seen.add(item.get("sk").s()));
            sizes.add(page.items().size());
            if (!page.hasNext()) {
                break;
            }
            firstCursor = firstCursor == null ? page.nextCursor() : firstCursor;
            request = new PageRequest(2, page.nextCursor());
        }

        assertThat(seen).containsExactly("ITEM#0", "ITEM#1", "ITEM#2", "ITEM#3", "ITEM#4");
        assertThat(sizes).startsWith(2, 2);
        String cursor = firstCursor;
        assertInvalidCursor(() -> table.query(B, TenantQuery.partition(partition).sortKeyStartsWith("ITEM#"),
                new PageRequest(2, cursor)));
        assertInvalidCursor(() -> table.query(A, TenantQuery.partition(partition), new PageRequest(2, cursor)));
        assertInvalidCursor(() -> table.query(A, TenantQuery.partition(partition).sortKeyStartsWith("ITEM#")
                .inDescendingOrder(), new PageRequest(2, cursor)));
    }

    @Test
    void descendingQueriesStartFromTheHighestSortKey() {
        for (int i = 0; i < 3; i++) {
            table.create(A, partition, "ITEM#" + i, Map.of());
        }

        assertThat(table.query(A, TenantQuery.partition(partition).inDescendingOrder(), PageRequest.first()).items())
                .extracting(item -> item.get("sk").s()).containsExactly("ITEM#2", "ITEM#1", "ITEM#0");
    }

    @Test
    void nothingWorksWithoutATenant() {
        assertThatThrownBy(() -> table.get(null, partition, "META")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.create(null, partition, "META", Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.update(null, partition, "META", 1, Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.delete(null, partition, "META")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.query(null, TenantQuery.partition(partition), PageRequest.first()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAndVersionsCannotBeSmuggledInAsAttributes() {
        assertThatThrownBy(() -> table.create(A, partition, "META", Map.of("pk", s("WS#ws_b#X"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.create(A, partition, "META", Map.of("version", n(99))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tablesAreFoundByLogicalNameThroughConfiguration() {
        TenantTable configured = tables.table(PenguinMailsTopology.IDENTITY);
        configured.create(TenantContext.apiKey("ws_a", "key_1", Set.of("contacts:read")), partition, "META", Map.of());

        assertThat(table.get(A, partition, "META")).isPresent();
        assertThat(configured.tableName()).isEqualTo(table.tableName());
    }

    private static void assertInvalidCursor(Runnable query) {
        assertThatThrownBy(query::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
