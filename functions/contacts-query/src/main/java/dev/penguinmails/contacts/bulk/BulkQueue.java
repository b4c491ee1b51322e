package dev.penguinmails.contacts.bulk;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Queues the chunks of an operation that changes contacts on {@code contacts-bulk}, which family contacts consumes:
 * the chunk carries its ids, so the snapshot lives in the messages and nothing else needs to be stored.
 */
@Singleton
class BulkQueue {
    // A provider: only the bulk API queues, so the SQS client is built on its first use, not in init.
    private final BeanProvider<SqsClient> sqs;
    private final JsonMapper json;
    private final String queueUrl;

    BulkQueue(BeanProvider<SqsClient> sqs, JsonMapper json,
              @Property(name = "penguinmails.queues." + PenguinMailsTopology.CONTACTS_BULK) String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    /** Sends the chunks, ten to a request; throws if any could not be queued. */
    void send(List<Chunk> chunks) {
        for (int from = 0; from < chunks.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Chunk chunk : chunks.subList(from, Math.min(chunks.size(), from + 10))) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(chunk.chunk()))
                        .messageBody(write(chunk)).build());
            }
            SendMessageBatchResponse response = sqs.get().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " bulk chunk(s): "
                        + response.failed().get(0).message());
            }
        }
    }

    private String write(Chunk chunk) {
        try {
            return json.writeValueAsString(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A chunk of an operation: the wire contract with family contacts' {@code bulk.BulkChunk} (same fields; the
     * contacts module's tests read what this writes). {@code chunk} numbers it from 1 within the operation.
     */
    @Serdeable
    record Chunk(String workspaceId, String operationId, int chunk, String action, List<String> tags,
                 List<String> contactIds) { }
}
