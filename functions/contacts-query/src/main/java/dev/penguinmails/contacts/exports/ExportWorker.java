package dev.penguinmails.contacts.exports;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.penguinmails.contacts.segments.CompiledSegment;
import dev.penguinmails.contacts.segments.DeclaredFields;
import dev.penguinmails.contacts.segments.InvalidSegmentException;
import dev.penguinmails.contacts.segments.SegmentCompiler;
import dev.penguinmails.shared.csv.CsvCells;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Works through one slice of an export: takes its lease, compiles its filter, starts (or continues) its multipart
 * upload, and then reads the matching contacts batch after batch in contact id order after the checkpoint, writing
 * them as CSV into a part buffer. Each time the buffer holds a part's worth (or the rows end) the part is uploaded
 * and the checkpoint moved past its last row in one conditional update. A slice that dies before the checkpoint
 * leaves nothing counted: the next writes the same rows as the same part number again, which replaces it, so no
 * row is duplicated or lost. When the budget is spent after a part, the slice lets the export go and queues the next.
 * Rows are never logged.
 */
@Singleton
public class ExportWorker {
    static final String ACTOR = "system:exports";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Exports every live contact. */
    static final CompiledSegment ALL = new CompiledSegment("true", List.of());

    private final ExportStore store;
    private final ExportRows rows;
    private final ExportObjects objects;
    private final ExportQueue queue;
    private final DeclaredFields fields;
    private final ExportSettings settings;
    private final Clock clock = Clock.systemUTC();
    private volatile Interruption interruption = (exportId, part) -> { };

    ExportWorker(ExportStore store, ExportRows rows, ExportObjects objects, ExportQueue queue, DeclaredFields fields,
                 ExportSettings settings) {
        this.store = store;
        this.rows = rows;
        this.objects = objects;
        this.queue = queue;
        this.fields = fields;
        this.settings = settings;
    }

    /** How a slice ended. */
    public enum SliceEnd {
        /** No such export, or it ended: the message is spent. */
        NOTHING_TO_DO,
        /** Another slice holds the export; its own message carries it on. */
        HELD_ELSEWHERE,
        /** The budget was spent: the next slice is queued. */
        CONTINUED,
        /** The export ended, completed or failed. */
        FINISHED,
        /** Another slice took the export over meanwhile (this one outlived its lease). */
        LOST
    }

    /** Called after a part is uploaded and before its checkpoint: a test throws here to stand for a killed slice. */
    @FunctionalInterface
    public interface Interruption {
        void afterUpload(String exportId, int partNumber);
    }

    /** For tests: what happens after each part is uploaded (nothing, normally). */
    public void interruptWith(Interruption interruption) {
        this.interruption = interruption;
    }

    public SliceEnd run(String workspaceId, String exportId) {
        Optional<ContactExport> current = store.get(workspaceId, exportId);
        if (current.isEmpty() || current.get().state().finished()) {
            return SliceEnd.NOTHING_TO_DO;
        }
        String lease = Ids.newId("lease");
        Instant started = clock.instant();
        Optional<ContactExport> claimed = store.claim(workspaceId, exportId, lease, started.plus(settings.lease()), started);
        if (claimed.isEmpty()) {
            return SliceEnd.HELD_ELSEWHERE;
        }
        ContactExport export = claimed.get();
        try {
            return work(export, lease, started);
        } catch (RuntimeException | Error e) {
            // The message is retried; let the next try start at once rather than after the lease.
            store.release(workspaceId, exportId, lease);
            throw e;
        }
    }

    /** Ends an export whose slices failed every try (the queue moves the message to its dead-letter queue). */
    public void giveUp(String workspaceId, String exportId) {
        store.failUnheld(workspaceId, exportId, "export-failed", "The export failed repeatedly; start a new one.");
    }

    private SliceEnd work(ContactExport export, String lease, Instant started) {
        String ws = export.workspaceId();
        String key = ExportObjects.key(ws, export.id());
        CompiledSegment filter;
        try {
            filter = export.definition() == null ? ALL
                    : SegmentCompiler.compile(export.definition(), fields.types(TenantContext.system(ws, ACTOR)));
        } catch (InvalidSegmentException e) {
            return fail(export, lease, export.uploadId(), "segment-invalid", "The filter names a custom field that was removed or "
                    + "retyped since the export was created.");
        }
        String uploadId = export.uploadId();
        if (uploadId == null) {
            uploadId = objects.startUpload(key);
            if (!store.startUpload(ws, export.id(), lease, uploadId)) {
                objects.abort(key, uploadId);
                return SliceEnd.LOST;
            }
        }
        if (export.allParts()) {
            return complete(export, lease, key, uploadId, export.parts());
        }
        List<ContactExport.Part> parts = new ArrayList<>(export.parts());
        long written = export.rowsWritten();
        long size = export.sizeBytes();
        String last = export.lastContactId();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(settings.partSize() + settings.partSize() / 4);
        Writer out = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(out);
        try {
            if (parts.isEmpty()) {
                // A byte order mark, so that spreadsheets read the file as UTF-8; then the header.
                buffer.write(BOM);
                csv.writeRecord(export.columns().stream().map(ExportColumns::header).map(CsvCells::escape).toList());
            }
            long pendingRows = 0;
            String pendingLast = last;
            while (true) {
                List<ExportRows.Row> batch = rows.after(ws, filter, export.columns(), pendingLast, settings.batchSize());
                for (ExportRows.Row row : batch) {
                    String[] cells = row.cells();
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = CsvCells.escape(cells[i]);
                    }
                    csv.writeRecord(cells);
                }
                if (!batch.isEmpty()) {
                    pendingRows += batch.size();
                    pendingLast = batch.get(batch.size() - 1).contactId();
                }
                csv.flush();
                boolean end = batch.size() < settings.batchSize();
                if (buffer.size() < settings.partSize() && !end) {
                    continue;
                }
                if (buffer.size() > 0) {
                    int number = parts.size() + 1;
                    String etag = objects.uploadPart(key, uploadId, number, buffer.toByteArray());
                    interruption.afterUpload(export.id(), number);
                    parts.add(new ContactExport.Part(number, etag));
                    size += buffer.size();
                    buffer.reset();
                }
                written += pendingRows;
                last = pendingLast;
                pendingRows = 0;
                if (!store.checkpoint(ws, export.id(), lease, written, last, parts, end, size)) {
                    return SliceEnd.LOST;
                }
                if (end) {
                    return complete(export, lease, key, uploadId, parts);
                }
                if (clock.instant().isAfter(started.plus(settings.sliceBudget()))) {
                    store.release(ws, export.id(), lease);
                    queue.send(ws, export.id());
                    return SliceEnd.CONTINUED;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SliceEnd complete(ContactExport export, String lease, String key, String uploadId,
                              List<ContactExport.Part> parts) {
        if (!objects.complete(key, uploadId, parts)) {
            return fail(export, lease, uploadId, "export-failed", "The file's upload was lost; start a new export.");
        }
        store.finish(export.workspaceId(), export.id(), lease, ExportState.COMPLETED, null, null);
        return SliceEnd.FINISHED;
    }

    private SliceEnd fail(ContactExport export, String lease, String uploadId, String problem, String reason) {
        if (uploadId != null) {
            objects.abort(ExportObjects.key(export.workspaceId(), export.id()), uploadId);
        }
        store.finish(export.workspaceId(), export.id(), lease, ExportState.FAILED, problem, reason);
        return SliceEnd.FINISHED;
    }
}
