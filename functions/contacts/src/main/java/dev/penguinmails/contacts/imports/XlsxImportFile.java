package dev.penguinmails.contacts.imports;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An XLSX file's sheet read as a stream with fastexcel-reader: the sheet named in the request, else the first. The
 * file is read from a local copy (the worker downloads it to {@code /tmp}): a ZIP needs its central directory at the
 * end, and a file keeps the heap free of the 50 MB. Cells are read as the text the sheet stores (numbers unformatted).
 */
final class XlsxImportFile implements ImportFile {
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;
    private final String detected;
    private long index;
    private boolean done;

    XlsxImportFile(File file, String sheetName) {
        try {
            byte[] start = new byte[8];
            int read;
            try (InputStream in = Files.newInputStream(file.toPath())) {
                read = in.readNBytes(start, 0, start.length);
            }
            if (read == 0) {
                throw new FileProblem("empty-file", "The file is empty.");
            }
            if (ReadableWorkbook.isOLE2Header(start)) {
                throw new FileProblem("not-xlsx", "The file is an old Excel (.xls) file; save it as XLSX or CSV.");
            }
            if (!ReadableWorkbook.isOOXMLZipHeader(start)) {
                throw new FileProblem("not-xlsx", "The file is not an XLSX workbook.");
            }
            this.workbook = open(file);
            Sheet sheet = sheet(workbook, sheetName);
            this.detected = "sheet " + sheet.getName();
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
            Row first = nextRow();
            if (first == null) {
                throw new FileProblem("empty-file", "The sheet " + sheet.getName() + " is empty.");
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < first.getCellCount(); i++) {
                cells.add(text(first, i).strip());
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            this.header = List.copyOf(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReadableWorkbook open(File file) {
        try {
            return new ReadableWorkbook(file);
        } catch (IOException | RuntimeException e) {
            throw new FileProblem("not-xlsx", "The file is not a readable XLSX workbook (" + e.getClass().getSimpleName()
                    + ").");
        }
    }

    private static Sheet sheet(ReadableWorkbook workbook, String name) {
        if (name == null) {
            return workbook.getFirstSheet();
        }
        Optional<Sheet> sheet = workbook.findSheet(name);
        if (sheet.isEmpty()) {
            throw new FileProblem("unknown-sheet", "The workbook has no sheet named " + name + "; it has "
                    + workbook.getSheets().map(Sheet::getName).toList() + ".");
        }
        return sheet.get();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        while (true) {
            Row row = nextRow();
            if (row == null) {
                done = true;
                return null;
            }
            int width = Math.max(header.size(), row.getCellCount());
            List<String> cells = new ArrayList<>(width);
            boolean blank = true;
            for (int i = 0; i < width; i++) {
                String text = text(row, i);
                blank &= text.isBlank();
                cells.add(text);
            }
            if (blank) {
                continue;
            }
            index++;
            List<String> problems = new ArrayList<>();
            for (int i = header.size(); i < cells.size(); i++) {
                if (!cells.get(i).isBlank()) {
                    problems.add("has a value in column " + (i + 1) + ", which has no header");
                    break;
                }
            }
            return new SourceRow(index, row.getRowNum(), cells, problems);
        }
    }

    private Row nextRow() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException e) {
            throw new FileProblem("not-xlsx", "The sheet cannot be read past data row " + index + " ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    private static String text(Row row, int i) {
        if (i >= row.getCellCount() || row.getCell(i) == null) {
            return "";
        }
        String text = row.getCellText(i);
        return text == null ? "" : text;
    }

    @Override
    public int percent() {
        return done ? 99 : 0;
    }

    @Override
    public String detected() {
        return detected;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
