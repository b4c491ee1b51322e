package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.bench.ColdStartRatios.Row;
import dev.penguinmails.local.bench.ColdStartRatios.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's results as Markdown tables: every entry point's cold start as a ratio to the reference's, with its
 * goal and verdict, then every probe run by run. It reads the file the bench script writes, one probe per line:
 * the run number, a tab, and the probe's JSON report.
 *
 * <pre>
 * java -cp local-stack/target/local-stack.jar dev.penguinmails.local.bench.ColdStartSummary results.tsv
 * </pre>
 */
public final class ColdStartSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartSummary() { }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: ColdStartSummary RESULTS (lines of: run, a tab, a probe's JSON report)");
            System.exit(2);
        }
        try {
            System.out.print(markdown(parse(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + args[0] + " failed", e);
        }
    }

    /** The reports in {@code lines} ({@code run<TAB>json}; blank lines are skipped). */
    public static List<RunReport> parse(List<String> lines) {
        List<RunReport> reports = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("Not 'run<TAB>report': " + line);
            }
            try {
                reports.add(new RunReport(Integer.parseInt(line.substring(0, tab).strip()),
                        ColdStartReport.fromJson(JSON.readTree(line.substring(tab + 1)))));
            } catch (IOException | NumberFormatException e) {
                throw new IllegalArgumentException("Not 'run<TAB>report': " + line, e);
            }
        }
        return reports;
    }

    /** The ratio table, then the run-by-run table. */
    public static String markdown(List<RunReport> reports) {
        StringBuilder out = new StringBuilder();
        out.append("| entry point | kind | cold start, median ms (min–max) | ratio to the reference, median (min–max)"
                + " | goal | result |\n|---|---|---|---|---|---|\n");
        for (Row row : ColdStartRatios.rows(reports)) {
            out.append("| ").append(row.label()).append(" | ").append(row.kind()).append(" | ")
                    .append(Math.round(row.medianMillis())).append(" (").append(Collections.min(row.coldStartMillis()))
                    .append('–').append(Collections.max(row.coldStartMillis())).append(") | ")
                    .append(ratio(row.medianRatio())).append(" (").append(ratio(Collections.min(row.ratios())))
                    .append('–').append(ratio(Collections.max(row.ratios()))).append(") | ")
                    .append(row.goal().map(g -> "≤ " + ratio(g)).orElse("–")).append(" | ")
                    .append(row.passes().map(pass -> pass ? "pass" : "**fail**").orElse("–")).append(" |\n");
        }
        out.append("\n| run | entry point | JVM boot | init | first call | warm call | cold start (ms) | ratio | outcome |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        Map<String, RunReport> references = ColdStartRatios.references(reports);
        for (RunReport run : reports) {
            ColdStartReport r = run.report();
            String ratio = r.succeeded() ? ratio((double) r.coldStartMillis()
                    / ColdStartRatios.referenceMillis(run, references)) : "–";
            out.append("| ").append(run.run()).append(" | ").append(ColdStartRatios.label(r)).append(" | ")
                    .append(r.jvmBootMillis()).append(" | ").append(r.initMillis()).append(" | ")
                    .append(r.firstInvocationMillis()).append(" | ")
                    .append(r.warmInvocationMillis() == ColdStartReport.NOT_MEASURED ? "–" : r.warmInvocationMillis())
                    .append(" | ").append(r.coldStartMillis()).append(" | ").append(ratio).append(" | ")
                    .append(r.succeeded() ? "succeeded" : "failed: " + r.detail()).append(" |\n");
        }
        return out.toString();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
