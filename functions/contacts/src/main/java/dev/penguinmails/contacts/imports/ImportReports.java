package dev.penguinmails.contacts.imports;

import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;

/**
 * An import's error report: a CSV ({@code row,column,reason}) of every row that failed or was skipped with a reason,
 * in file order, streamed from the report lines to a temporary file and stored in the imports bucket. Cells a
 * spreadsheet would run as a formula are made inert ({@link CsvFiles#escape}): reasons quote the customer's own cells.
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
        return CsvFiles.write("import-report-", new String[] {"row", "column", "reason"},
                rows -> store.reportLines(tenant, importId, line -> rows.row(Long.toString(line.row()),
                        CsvFiles.escape(line.column()), CsvFiles.escape(line.reason()))),
                (file, lines) -> {
                    if (lines == 0) {
                        return false;
                    }
                    objects.put(tenant, ImportObjects.reportKey(tenant.workspaceId(), importId), file,
                            CsvFiles.CONTENT_TYPE);
                    return true;
                });
    }
}
