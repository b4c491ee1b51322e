package dev.penguinmails.domains.onboarding;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.penguinmails.shared.problems.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An onboarding CSV: UTF-8 text (a byte-order mark is dropped), comma-separated, RFC 4180 quoting, a header row
 * naming {@link Columns}, then one row per item. Blank lines and rows of empty cells are not rows. The same reading
 * serves the submission, which refuses a file that cannot be a job, and the worker, which walks the rows.
 */
public final class CsvFile {
    private final String text;
    private final Columns columns;
    private final List<String> header;
    private final int rows;

    private CsvFile(String text, Columns columns, List<String> header, int rows) {
        this.text = text;
        this.columns = columns;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads {@code bytes} as a file of {@code columns}, counting its rows.
     *
     * @throws dev.penguinmails.shared.problems.ProblemException invalid-csv (not UTF-8 text, binary, empty, no rows,
     *         a header that names unknown, repeated or too few columns, broken quoting), or payload-too-large past
     *         {@code maxRows} rows
     */
    public static CsvFile read(byte[] bytes, Columns columns, int maxRows) {
        String text = decode(bytes);
        try (CsvReader<CsvRecord> reader = reader(text)) {
            Iterator<CsvRecord> records = reader.iterator();
            CsvRecord first = firstRow(records);
            if (first == null) {
                throw OnboardingProblems.invalid("The file is empty: send a header row naming the columns, then one row "
                        + "per " + columns.kind().wire().replaceAll("s$", "") + ".");
            }
            List<String> header = header(first, columns);
            int rows = 0;
            while (records.hasNext()) {
                if (!blank(records.next()) && ++rows > maxRows) {
                    throw OnboardingProblems.tooManyRows(rows, maxRows);
                }
            }
            if (rows == 0) {
                throw OnboardingProblems.invalid("The file has a header but no rows.");
            }
            return new CsvFile(text, columns, header, rows);
        } catch (CsvParseException | java.io.IOException | java.io.UncheckedIOException broken) {
            throw OnboardingProblems.invalid("The file is not valid CSV (" + safeMessage(broken)
                    + "); fields with commas, quotes or line breaks must be in double quotes, quotes doubled.");
        }
    }

    /** The number of data rows. */
    public int rows() {
        return rows;
    }

    public Columns columns() {
        return columns;
    }

    /** The data rows in file order, numbered from 1. */
    public Iterable<CsvRow> dataRows() {
        return () -> new Iterator<>() {
            private final CsvReader<CsvRecord> reader = reader(text);
            private final Iterator<CsvRecord> records = skipHeader(reader.iterator());
            private CsvRow next = advance();
            private int index;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public CsvRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CsvRow row = next;
                next = advance();
                return row;
            }

            private CsvRow advance() {
                while (records.hasNext()) {
                    CsvRecord record = records.next();
                    if (!blank(record)) {
                        return row(++index, record);
                    }
                }
                return null;
            }
        };
    }

    private CsvRow row(int index, CsvRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
            String value = record.getField(i).strip();
            if (!value.isEmpty()) {
                values.put(header.get(i), value);
            }
        }
        List<RowOutcome.ColumnError> shape = new ArrayList<>();
        if (record.getFieldCount() > header.size()) {
            boolean extraValues = record.getFields().subList(header.size(), record.getFieldCount()).stream()
                    .anyMatch(f -> !f.isBlank());
            if (extraValues) {
                shape.add(new RowOutcome.ColumnError(columns.key(), "has " + record.getFieldCount()
                        + " fields where the header names only " + header.size() + "; quote values that hold commas"));
            }
        }
        return new CsvRow(index, record.getStartingLineNumber(), Collections.unmodifiableMap(values), shape);
    }

    private static Iterator<CsvRecord> skipHeader(Iterator<CsvRecord> records) {
        firstRow(records);
        return records;
    }

    /** The header: the first row that is not blank, or null. */
    private static CsvRecord firstRow(Iterator<CsvRecord> records) {
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (!blank(record)) {
                return record;
            }
        }
        return null;
    }

    private static List<String> header(CsvRecord record, Columns columns) {
        List<String> names = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String given = record.getField(i);
            String column = columns.column(given).orElse(null);
            if (column == null) {
                errors.add(new FieldError("header[" + i + "]", "'" + printable(given) + "' is not a column of a "
                        + columns.kind().wire() + " file; the columns are " + String.join(", ", columns.columns())));
            } else if (seen.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("header[" + i + "]", "'" + printable(given) + "' names " + column
                        + " again (column " + seen.get(column) + " already does)"));
            }
            names.add(column);
        }
        if (!seen.containsKey(columns.key()) && errors.isEmpty()) {
            errors.add(new FieldError("header", "has no " + columns.key() + " column; the first row must name the columns"));
        }
        if (!errors.isEmpty()) {
            throw OnboardingProblems.invalid("The header row does not name the columns of a " + columns.kind().wire()
                    + " file; nothing was queued.", errors);
        }
        return List.copyOf(names);
    }

    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OnboardingProblems.invalid("The file is not UTF-8 text; save the spreadsheet as CSV UTF-8.");
        }
        if (text.indexOf('\0') >= 0) {
            throw OnboardingProblems.invalid("The file is binary, not CSV text; save the spreadsheet as CSV UTF-8.");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CsvReader<CsvRecord> reader(String text) {
        // Rows with too few or too many fields are the row's problem, not the file's: the good rows still go in.
        return CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(text);
    }

    private static boolean blank(CsvRecord record) {
        return record.getFields().stream().allMatch(String::isBlank);
    }

    private static String printable(String header) {
        String stripped = header.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }

    private static String safeMessage(Exception e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /**
     * One data row: its number among the data rows, the line it starts on (the header is line 1, as a spreadsheet
     * shows it), its non-empty values by column, and what is wrong with its shape.
     */
    public record CsvRow(int index, long line, Map<String, String> values, List<RowOutcome.ColumnError> shapeErrors) {
        public String value(String column) {
            return values.get(column);
        }
    }
}
