package dev.penguinmails.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A bucket's object-created events go to a standard queue of the topology, declared once. */
class BucketNotificationTest {

    @Test
    void theImportsBucketNotifiesTheContactsImportsQueueThatContactsConsumes() {
        Topology topology = PenguinMailsTopology.define();
        BucketSpec imports = topology.buckets().stream().filter(b -> b.name().equals("imports")).findFirst().orElseThrow();
        assertThat(imports.objectCreatedQueue()).contains(PenguinMailsTopology.CONTACTS_IMPORTS);
        assertThat(topology.queue(PenguinMailsTopology.CONTACTS_IMPORTS)).isPresent();
        assertThat(topology.function(PenguinMailsTopology.CONTACTS).orElseThrow().queueHandlers())
                .extracting(QueueHandler::queue).containsExactly(PenguinMailsTopology.CONTACTS_IMPORTS,
                        PenguinMailsTopology.CONTACTS_BULK, PenguinMailsTopology.CONTACTS_UNSUBSCRIBES,
                        PenguinMailsTopology.CONTACTS_PLANS);
        assertThat(topology.buckets().stream().filter(b -> b.objectCreatedQueue().isPresent())).hasSize(1);
    }

    @Test
    void aNotificationToAnUnknownOrFifoQueueIsRefused() {
        assertThatThrownBy(() -> topology(new BucketSpec("files", 1).notifying("missing"), QueueSpec.work("jobs", 30, 2)))
                .hasMessageContaining("bucket files notifies").hasMessageContaining("missing");
        assertThatThrownBy(() -> topology(new BucketSpec("files", 1).notifying("jobs"), QueueSpec.fifo("jobs", 30, 2)))
                .hasMessageContaining("FIFO");
        assertThat(topology(new BucketSpec("files", 1).notifying("jobs"), QueueSpec.work("jobs", 30, 2)).buckets())
                .hasSize(1);
    }

    private static Topology topology(BucketSpec bucket, QueueSpec queue) {
        return new Topology("notify", List.of(), List.of(bucket), List.of(queue), "main", List.of(), List.of());
    }
}
