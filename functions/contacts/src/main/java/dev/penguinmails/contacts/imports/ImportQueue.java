package dev.penguinmails.contacts.imports;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues the next slice of an import on {@code contacts-imports}, where S3's upload events arrive too. */
@Singleton
class ImportQueue {
    private final SqsClient sqs;
    private final JsonMapper json;
    private final String queueUrl;

    ImportQueue(SqsClient sqs, JsonMapper json,
                @Property(name = "penguinmails.queues." + PenguinMailsTopology.CONTACTS_IMPORTS) String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    void send(String workspaceId, String importId) {
        String body;
        try {
            body = json.writeValueAsString(new Slice(workspaceId, importId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    /** The message of a next slice: which import; all else is in its item. */
    @Serdeable
    record Slice(String workspaceId, String importId) { }
}
