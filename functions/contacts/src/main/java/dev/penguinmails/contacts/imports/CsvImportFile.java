package dev.penguinmails.contacts.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV file read as a stream with FastCSV: its encoding ({@link TextEncodings}) and delimiter ({@link Delimiters})
 * detected from the first 64 KiB, fields quoted RFC 4180 style (over several lines too), short and long rows
 * allowed by the parser so that they fail as rows, not as the file. Only the current row is held in memory.
 */
final class CsvImportFile implements ImportFile {
    static final int SAMPLE = 64 * 1024;

    private final CountingStream counted;
    private final long size;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private final String detected;
    private final boolean utf8;
    private long index;

    CsvImportFile(InputStream raw, long size) {
        this.size = Math.max(1, size);
        this.counted = new CountingStream(raw);
        try {
            BufferedInputStream in = new BufferedInputStream(counted, SAMPLE * 2);
            in.mark(SAMPLE + 1);
            byte[] sample = in.readNBytes(SAMPLE);
            in.reset();
            if (sample.length == 0) {
                throw new FileProblem("empty-file", "The file is empty.");
            }
            TextEncodings.Detected encoding = TextEncodings.detect(sample, sample.length);
            String binary = TextEncodings.notText(sample, sample.length, encoding);
            if (binary != null) {
                throw new FileProblem("not-csv", "The file is not CSV text: it is " + binary + ".");
            }
            in.skipNBytes(encoding.bomLength());
            String text = new String(sample, encoding.bomLength(), sample.length - encoding.bomLength(), encoding.charset());
            char delimiter = Delimiters.detect(text);
            this.utf8 = encoding.charset().equals(StandardCharsets.UTF_8);
            this.detected = encoding.label() + ", delimiter " + Delimiters.label(delimiter);
            InputStreamReader chars = new InputStreamReader(in, encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            this.reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true).allowExtraFields(true)
                    .allowMissingFields(true).allowExtraCharsAfterClosingQuote(true).ofCsvRecord(chars);
            this.records = reader.iterator();
            CsvRecord first = nextRecord();
            if (first == null) {
                throw new FileProblem("empty-file", "The file has no header row (it holds only empty lines).");
            }
            List<String> cells = new ArrayList<>();
            for (String cell : first.getFields()) {
                cells.add(cell.replace("\uFEFF", "").strip());
            }
            this.header = List.copyOf(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        CsvRecord record;
        do {
            record = nextRecord();
            if (record == null) {
                return null;
            }
        } while (blank(record.getFields()));
        index++;
        List<String> problems = new ArrayList<>();
        List<String> fields = record.getFields();
        if (fields.size() != header.size()) {
            problems.add("has " + fields.size() + " cells where the header has " + header.size());
        }
        for (int i = 0; i < fields.size(); i++) {
            String cell = fields.get(i);
            if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                long lines = cell.chars().filter(c -> c == '\n').count() + 1;
                problems.add("column " + (i + 1) + " holds a line break: a quote opened there is probably not closed ("
                        + lines + " lines were read as one cell)");
                break;
            }
        }
        if (utf8 && fields.stream().anyMatch(c -> c.indexOf('\uFFFD') >= 0)) {
            problems.add("has bytes that are not UTF-8 text (the file's encoding was taken to be UTF-8 from its start)");
        }
        return new SourceRow(index, record.getStartingLineNumber(), fields, problems);
    }

    private CsvRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new FileProblem("unreadable-csv", "The file cannot be read past data row " + index + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + ". A quote that is never closed makes the rest of the file one cell.");
        } catch (UncheckedIOException e) {
            throw e;
        }
    }

    private static boolean blank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }

    @Override
    public int percent() {
        return (int) Math.min(99, counted.count * 100 / size);
    }

    @Override
    public String detected() {
        return detected;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes read, for the percent done. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
