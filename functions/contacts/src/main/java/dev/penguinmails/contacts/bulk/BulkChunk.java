package dev.penguinmails.contacts.bulk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A chunk of a bulk operation, as family contacts-query queues it on {@code contacts-bulk} (its
 * {@code bulk.BulkQueue.Chunk}: the same fields). {@code chunk} numbers it from 1 within the operation.
 */
@Serdeable
public record BulkChunk(String workspaceId, String operationId, int chunk, String action, @Nullable List<String> tags,
                        List<String> contactIds) { }
