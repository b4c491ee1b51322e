package dev.penguinmails.contacts.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.penguinmails.contacts.model.ContactFields;
import dev.penguinmails.contacts.model.FieldDefinition;
import dev.penguinmails.contacts.model.FieldType;
import dev.penguinmails.contacts.settings.ContactSettings;
import dev.penguinmails.shared.problems.ProblemException;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 10's CPU benchmark (docs/benchmarks/contacts-imports.md, decision 0043): rows/s of raw FastCSV parsing of a
 * file, and of the worker's row path without DynamoDB (our CSV reader over FastCSV, column mapping, address
 * normalisation and validation, in-file dedupe, {@link ContactFields#create} with the import's contact ids), taken
 * alternately in one JVM so that their ratio comes from the same run. Its peak heap is the row path's share of the
 * worker's memory. Not part of any build: samples/bench-contacts-imports.sh compiles it against the contacts classes.
 *
 *   java -cp ... dev.penguinmails.contacts.imports.ImportThroughputBench FILE.csv [ROUNDS] [DEDUPE: batch|file]
 *
 * Dedupe {@code batch} holds what the worker now holds (one batch of addresses; earlier batches are DynamoDB
 * items, whose reads are I/O and belong to the end-to-end benchmark); {@code file} holds every address of the file
 * in a map, as the worker did before decision 0042 (the CPU cost of an exact in-memory dedupe).
 */
public final class ImportThroughputBench {
    private static final int BATCH = 100;

    public static void main(String[] args) throws IOException {
        File file = new File(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean wholeFile = args.length > 2 && args[2].equals("file");
        System.out.printf("file %s, %d bytes; %d rounds; dedupe %s; load average %.2f; max heap %d MiB%n", file,
                file.length(), rounds, wholeFile ? "file" : "batch",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("round\tstage\trows\tseconds\trows_per_s");
        double rawSum = 0;
        double fullSum = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT and is not counted
            long t0 = System.nanoTime();
            long rawRows = raw(file);
            double rawS = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            long[] outcome = pipeline(file, wholeFile);
            double fullS = (System.nanoTime() - t1) / 1e9;
            if (outcome[0] != rawRows - 1) {
                throw new IllegalStateException("the two stages read different rows: " + rawRows + " vs " + outcome[0]);
            }
            System.out.printf("%d\traw\t%d\t%.3f\t%.0f%n", round, outcome[0], rawS, outcome[0] / rawS);
            System.out.printf("%d\tparse+validate+dedupe\t%d\t%.3f\t%.0f%n", round, outcome[0], fullS, outcome[0] / fullS);
            if (round > 0) {
                rawSum += outcome[0] / rawS;
                fullSum += outcome[0] / fullS;
            }
            if (round == rounds) {
                System.out.printf("outcome: rows %d, valid %d, invalid %d, duplicates %d%n", outcome[0], outcome[1],
                        outcome[2], outcome[3]);
            }
        }
        System.out.printf("mean raw %.0f rows/s, mean parse+validate+dedupe %.0f rows/s, ratio %.1f%%%n",
                rawSum / rounds, fullSum / rounds, 100 * fullSum / rawSum);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap (sum of heap pools' peaks) %d MiB%n", peak >> 20);
    }

    /** FastCSV alone, configured as {@link CsvImportFile} configures it; every field touched. */
    private static long raw(File file) throws IOException {
        long rows = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(',').skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new InputStreamReader(new BufferedInputStream(new FileInputStream(file), 1 << 17),
                        StandardCharsets.UTF_8))) {
            for (CsvRecord r : reader) {
                rows++;
                for (int i = 0; i < r.getFieldCount(); i++) {
                    chars += r.getField(i).length();
                }
            }
        }
        if (chars == 0) {
            throw new IllegalStateException("nothing read");
        }
        return rows;
    }

    /** The worker's row path (ImportBatch.planRow up to the DynamoDB calls), batch by batch. */
    private static long[] pipeline(File file, boolean wholeFile) throws IOException {
        Map<String, FieldDefinition> definitions = Map.of(
                "seats", new FieldDefinition("seats", FieldType.NUMBER, Instant.EPOCH),
                "plan", new FieldDefinition("plan", FieldType.TEXT, Instant.EPOCH));
        ContactSettings settings = new ContactSettings("US", 50, 100);
        String importId = dev.penguinmails.shared.ids.Ids.newId("imp");
        Instant created = Instant.now();
        long rows = 0;
        long valid = 0;
        long invalid = 0;
        long duplicates = 0;
        Map<String, Long> fileSeen = new HashMap<>();
        try (ImportFile in = new CsvImportFile(new FileInputStream(file), file.length())) {
            ColumnMapping mapping = ColumnMapping.of(in.header(), Map.of(), definitions);
            List<SourceRow> batch = new ArrayList<>(BATCH);
            SourceRow row;
            boolean more = true;
            while (more) {
                row = in.next();
                more = row != null;
                if (row != null) {
                    batch.add(row);
                    if (batch.size() < BATCH) {
                        continue;
                    }
                }
                Map<String, Long> seen = wholeFile ? fileSeen : new HashMap<>();
                for (SourceRow r : batch) {
                    rows++;
                    ImportBatch.ParsedRow parsed = ImportBatch.parse(mapping, r);
                    Optional<String> key = parsed.seenKey();
                    if (key.isEmpty()) {
                        invalid++;
                        continue;
                    }
                    Long first = seen.putIfAbsent(key.get(), r.row());
                    if (first != null && first < r.row()) {
                        duplicates++;
                        continue;
                    }
                    try {
                        ContactFields.create("ws_bench", ImportIds.contactId(importId, created, r.index()),
                                parsed.input(), parsed.email(), definitions, settings, created);
                        valid++;
                    } catch (ProblemException e) {
                        invalid++;
                    }
                }
                batch.clear();
            }
        }
        return new long[] {rows, valid, invalid, duplicates};
    }
}
