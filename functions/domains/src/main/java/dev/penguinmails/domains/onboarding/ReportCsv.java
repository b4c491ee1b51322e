package dev.penguinmails.domains.onboarding;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A job's report as a CSV download: one line per error ({@code row,line,result,column,problem,reason}). A cell that
 * a spreadsheet would run as a formula (starting with {@code = + - @}) is prefixed with an apostrophe: reasons can
 * quote what a customer's mail server said.
 */
final class ReportCsv {
    static final List<String> HEADER = List.of("row", "line", "result", "key", "column", "problem", "reason");

    private ReportCsv() { }

    static String render(List<RowReport> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(HEADER);
            for (RowReport row : rows) {
                for (RowOutcome.ColumnError error : row.errors()) {
                    csv.writeRecord(Integer.toString(row.row()), Long.toString(row.line()),
                            row.result().name().toLowerCase(Locale.ROOT), cell(row.key()), cell(error.column()),
                            cell(row.problem()), cell(error.reason()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }
}
