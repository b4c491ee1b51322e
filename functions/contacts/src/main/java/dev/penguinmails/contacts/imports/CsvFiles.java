package dev.penguinmails.contacts.imports;

import dev.penguinmails.shared.csv.CsvCells;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * CSV files made for customers to download (error reports, exports): streamed to a temporary file, so that only the
 * current row is in memory, handed on (to be stored), then deleted. A cell a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe by {@link #escape}.
 */
final class CsvFiles {
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private CsvFiles() { }

    /** Where the rows go; it counts them. */
    interface Rows {
        void row(String... cells);
    }

    /**
     * Writes {@code header} and the rows {@code rows} gives to a temporary file, then answers what {@code then}
     * makes of the file and the number of rows (the header not counted); the file is deleted after.
     */
    static <T> T write(String prefix, String[] header, Consumer<Rows> rows, BiFunction<Path, Long, T> then) {
        Path file = null;
        try {
            file = Files.createTempFile(prefix, ".csv");
            long[] count = new long[1];
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CsvWriter csv = CsvWriter.builder().build(out)) {
                csv.writeRecord(header);
                rows.accept(cells -> {
                    csv.writeRecord(cells);
                    count[0]++;
                });
            }
            return then.apply(file, count[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** The cell, made inert for spreadsheets if it would start a formula ({@link CsvCells}). */
    static String escape(String cell) {
        return CsvCells.escape(cell);
    }
}
