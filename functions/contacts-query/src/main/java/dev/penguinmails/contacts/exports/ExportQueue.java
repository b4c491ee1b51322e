package dev.penguinmails.contacts.exports;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues a slice of an export on {@code contacts-exports}: the first when it is created, the next after each budget. */
@Singleton
class ExportQueue {
    private final SqsClient sqs;
    private final JsonMapper json;
    private final String queueUrl;

    ExportQueue(SqsClient sqs, JsonMapper json,
                @Property(name = "penguinmails.queues." + PenguinMailsTopology.CONTACTS_EXPORTS) String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    void send(String workspaceId, String exportId) {
        String body;
        try {
            body = json.writeValueAsString(new Slice(workspaceId, exportId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    /** The message of a slice: which export; all else is in its row. */
    @Serdeable
    record Slice(String workspaceId, String exportId) { }
}
