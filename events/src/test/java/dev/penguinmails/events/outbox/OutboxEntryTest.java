package dev.penguinmails.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.publish.EncodedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an outbox entry joins the update expression of the change it belongs to. */
class OutboxEntryTest {
    private final OutboxEntry entry = new OutboxEntry("obx_1", Instant.parse("2026-12-04T10:00:00Z"),
            List.of(new EncodedEvent("evt_1", "penguinmails.test", "thing.done", "{}", Instant.EPOCH)), List.of());

    private static final String OURS = "#obxEntry = :obxEntry, #obxPk = :obxPk, #obxSk = if_not_exists(#obxSk, :obxSk)";

    @Test
    void joinsAnExistingSetClauseAndAddsItsOwnAdd() {
        assertThat(entry.updateExpression("SET #name = :name, updatedAt = :now REMOVE purgeAfter"))
                .isEqualTo("SET " + OURS + ", #name = :name, updatedAt = :now REMOVE purgeAfter ADD #obxIds :obxIds");
    }

    @Test
    void joinsAnExistingAddClause() {
        assertThat(entry.updateExpression("REMOVE a ADD counter :one"))
                .isEqualTo("SET " + OURS + " REMOVE a ADD #obxIds :obxIds, counter :one");
    }

    @Test
    void standsAloneOnAnEmptyExpression() {
        assertThat(entry.updateExpression("")).isEqualTo("SET " + OURS + " ADD #obxIds :obxIds");
    }

    @Test
    void keepsTheCallersNamesAndValues() {
        assertThat(entry.names(Map.of("#name", "name"))).containsEntry("#name", "name").containsEntry("#obxEntry", "outbox_obx_1");
        assertThat(entry.values(Map.of())).containsKeys(":obxEntry", ":obxPk", ":obxSk", ":obxIds");
    }

    @Test
    void survivesTheTripThroughDynamoDb() {
        assertThat(OutboxCodec.fromAttribute(OutboxCodec.toAttribute(entry))).isEqualTo(entry);
    }
}
