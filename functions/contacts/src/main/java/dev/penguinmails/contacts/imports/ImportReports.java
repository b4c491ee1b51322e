package dev.penguinmails.contacts.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An import's error report: a CSV ({@code row,column,reason}) of every row that failed or was skipped with a reason,
 * in file order, streamed from the report lines to a temporary file and stored in the imports bucket. A cell a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with an
 * apostrophe: reasons quote the customer's own cells.
 */
@Singleton
class ImportReports {
    private final ImportStore store;
    private final ImportObjects objects;

    ImportReports(ImportStore store, ImportObjects objects) {
        this.store = store;
        this.objects = objects;
    }

    /** Writes the report if the import has any line; whether it did. */
    boolean write(TenantContext tenant, String importId) {
        Path file = null;
        try {
            file = Files.createTempFile("import-report-", ".csv");
            AtomicLong lines = new AtomicLong();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CsvWriter csv = CsvWriter.builder().build(out)) {
                csv.writeRecord("row", "column", "reason");
                store.reportLines(tenant, importId, line -> {
                    csv.writeRecord(Long.toString(line.row()), escape(line.column()), escape(line.reason()));
                    lines.incrementAndGet();
                });
            }
            if (lines.get() == 0) {
                return false;
            }
            objects.put(tenant, ImportObjects.reportKey(tenant.workspaceId(), importId), file, "text/csv; charset=utf-8");
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** The cell, made inert for spreadsheets if it would start a formula. */
    static String escape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
