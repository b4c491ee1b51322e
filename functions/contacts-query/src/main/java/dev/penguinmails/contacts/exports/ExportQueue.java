package dev.penguinmails.contacts.exports;

import dev.penguinmails.shared.aws.JsonQueueMessages;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/** Queues a slice of an export on {@code contacts-exports}: the first when it is created, the next after each budget. */
@Singleton
class ExportQueue {
    private final JsonQueueMessages messages;
    private final String queueUrl;

    ExportQueue(JsonQueueMessages messages,
                @Property(name = "penguinmails.queues." + PenguinMailsTopology.CONTACTS_EXPORTS) String queueUrl) {
        this.messages = messages;
        this.queueUrl = queueUrl;
    }

    void send(String workspaceId, String exportId) {
        messages.send(queueUrl, new Slice(workspaceId, exportId));
    }

    /** The message of a slice: which export; all else is in its row. */
    @Serdeable
    record Slice(String workspaceId, String exportId) { }
}
