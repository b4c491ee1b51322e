package dev.penguinmails.contacts.imports;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code contacts-imports}. A message is either S3's event of an uploaded file
 * ({@code Records[].s3}, the key URL-encoded: {@code uploads/…} for contact imports, {@code suppression-uploads/…}
 * for suppression imports, see {@link ImportKind}; keys that are not uploads, such as error reports, and S3's
 * {@code s3:TestEvent} are ignored) or the next slice of an import the worker queued itself. A message that
 * cannot be handled is reported failed and comes back after the visibility timeout (to the dead-letter queue after
 * five tries); the import's checkpoint keeps the rows already done.
 */
public class ImportConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ImportConsumer.class);

    /** The constructor Lambda uses. */
    public ImportConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public ImportConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        ImportWorker worker = applicationContext.getBean(ImportWorker.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        for (SQSMessage message : messages) {
            try {
                Message body = json.readValue(message.getBody(), Message.class);
                for (ImportObjects.Upload upload : body.uploads()) {
                    LOG.info("Import {}: {}", upload.importId(), worker.run(upload.workspaceId(), upload.importId()));
                }
            } catch (Exception e) {
                LOG.error("Import message {} failed; it will be retried", message.getMessageId(), e);
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** Either an S3 event ({@code Records}) or a slice ({@code workspaceId}, {@code importId}). */
    @Serdeable
    record Message(@JsonProperty("Records") @Nullable List<S3Record> records, @Nullable String workspaceId,
                   @Nullable String importId) {
        /** The imports the message names: the uploads among the S3 records, or the slice's. */
        List<ImportObjects.Upload> uploads() {
            List<ImportObjects.Upload> uploads = new ArrayList<>();
            if (records != null) {
                for (S3Record r : records) {
                    if (r.s3() != null && r.s3().object() != null && r.eventName() != null
                            && r.eventName().startsWith("ObjectCreated:")) {
                        ImportObjects.upload(URLDecoder.decode(r.s3().object().key(), StandardCharsets.UTF_8))
                                .ifPresent(uploads::add);
                    }
                }
            } else if (workspaceId != null && importId != null) {
                uploads.add(new ImportObjects.Upload(workspaceId, importId));
            }
            return uploads;
        }
    }

    @Serdeable
    record S3Record(@Nullable String eventName, @Nullable S3Entity s3) { }

    @Serdeable
    record S3Entity(@Nullable S3Object object) { }

    @Serdeable
    record S3Object(String key, @Nullable Long size) { }
}
