package dev.penguinmails.local.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every entry point's cold start as a ratio to the reference function's in the same run (and with the same
 * memory, hence the same JVM flags): per run a ratio, then their median and range. A ratio holds across machines
 * and days where milliseconds do not. Goals: at most {@value #API_GOAL}x for HTTP API and authorizer entry points,
 * {@value #BACKGROUND_GOAL}x for queue and schedule entry points.
 *
 * <p>It also adds what one authenticated request costs when it finds both Lambdas cold, the authorizer's and the
 * function's (API Gateway runs them one after the other), and when the authorizer is warm (its second call).
 */
public final class ColdStartRatios {
    public static final double API_GOAL = 1.5;
    public static final double BACKGROUND_GOAL = 1.3;

    private ColdStartRatios() { }

    /** One probe's report and the run it belongs to. */
    public record RunReport(int run, ColdStartReport report) { }

    /**
     * One line of the results: an entry point (or a sum of two), its cold starts and ratios over the runs.
     *
     * @param goal the largest median ratio that passes; empty for the reference and for sums, which have none
     */
    public record Row(String label, String kind, List<Long> coldStartMillis, List<Double> ratios,
                      Optional<Double> goal) {
        public Row {
            coldStartMillis = List.copyOf(coldStartMillis);
            ratios = List.copyOf(ratios);
        }

        public double medianRatio() {
            return median(ratios);
        }

        public double medianMillis() {
            return median(coldStartMillis.stream().map(Long::doubleValue).toList());
        }

        /** Whether the median ratio meets the goal; empty when there is no goal. */
        public Optional<Boolean> passes() {
            return goal.map(g -> medianRatio() <= g);
        }
    }

    /**
     * The rows for these reports: the reference first, then each entry point in the order first reported, then
     * the first authenticated request's sums when an authorizer and the request it authorized were both probed.
     *
     * @throws IllegalArgumentException if a run has an entry point but no reference of the same memory
     */
    public static List<Row> rows(List<RunReport> reports) {
        List<RunReport> succeeded = reports.stream().filter(r -> r.report().succeeded()).toList();
        Map<String, RunReport> references = references(succeeded);
        Map<String, List<RunReport>> byEntryPoint = succeeded.stream()
                .collect(Collectors.groupingBy(r -> label(r.report()), LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        byEntryPoint.entrySet().stream()
                .sorted(Comparator.comparing(e -> !isReference(e.getValue().get(0).report())))
                .forEach(e -> rows.add(row(e.getKey(), e.getValue(), references)));
        rows.addAll(authenticatedRequests(succeeded, references));
        return rows;
    }

    /** How a report is named in the results: family, entry point and, for HTTP, the route it called. */
    public static String label(ColdStartReport report) {
        String name = isReference(report) ? "reference" : report.function() + " " + report.entryPoint();
        return report.route().isEmpty() ? name : name + " (" + report.route() + ")";
    }

    /** The goal of an entry point of this kind, if it has one. */
    public static Optional<Double> goal(String kind) {
        return switch (kind) {
            case "http", "authorizer" -> Optional.of(API_GOAL);
            case "queue", "schedule" -> Optional.of(BACKGROUND_GOAL);
            default -> Optional.empty();
        };
    }

    /** The reference's cold start in the report's run, with the report's memory. */
    public static long referenceMillis(RunReport report, Map<String, RunReport> references) {
        RunReport reference = references.get(referenceKey(report.run(), report.report().memoryMb()));
        if (reference == null) {
            throw new IllegalArgumentException("Run " + report.run() + " has no reference measured with "
                    + report.report().memoryMb() + " MB for " + label(report.report()) + ".");
        }
        return reference.report().coldStartMillis();
    }

    /**
     * The references by run and memory, as {@link #rows} matches them. A run may measure the reference several
     * times (at its start, middle and end): its median measurement is the run's reference, so that one lucky or
     * unlucky start does not move every ratio of the run.
     */
    public static Map<String, RunReport> references(List<RunReport> reports) {
        return reports.stream().filter(r -> r.report().succeeded() && isReference(r.report()))
                .collect(Collectors.groupingBy(r -> referenceKey(r.run(), r.report().memoryMb()),
                        Collectors.collectingAndThen(Collectors.toList(), ColdStartRatios::middleMeasurement)));
    }

    /** The measurement in the middle by cold start (the lower middle of an even number). */
    private static RunReport middleMeasurement(List<RunReport> measurements) {
        List<RunReport> sorted = measurements.stream()
                .sorted(Comparator.comparingLong((RunReport r) -> r.report().coldStartMillis())).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static Row row(String label, List<RunReport> runs, Map<String, RunReport> references) {
        List<Long> millis = runs.stream().map(r -> r.report().coldStartMillis()).toList();
        List<Double> ratios = runs.stream()
                .map(r -> (double) r.report().coldStartMillis() / referenceMillis(r, references)).toList();
        String kind = runs.get(0).report().kind();
        return new Row(label, kind, millis, ratios, goal(kind));
    }

    /**
     * Per run, the authorizer's cold start plus the cold start of the function serving the request it authorized
     * (the same route, with the authorizer's context), and the authorizer's warm call plus that function's.
     */
    private static List<Row> authenticatedRequests(List<RunReport> reports, Map<String, RunReport> references) {
        List<Long> coldMillis = new ArrayList<>();
        List<Double> coldRatios = new ArrayList<>();
        List<Long> warmMillis = new ArrayList<>();
        List<Double> warmRatios = new ArrayList<>();
        String route = "";
        for (RunReport authorizer : reports) {
            if (!"authorizer".equals(authorizer.report().kind())) {
                continue;
            }
            Optional<RunReport> served = reports.stream().filter(r -> r.run() == authorizer.run()
                    && "http".equals(r.report().kind()) && r.report().route().equals(authorizer.report().route()))
                    .findFirst();
            if (served.isEmpty()) {
                continue;
            }
            route = authorizer.report().route();
            long function = served.get().report().coldStartMillis();
            double reference = referenceMillis(served.get(), references);
            coldMillis.add(authorizer.report().coldStartMillis() + function);
            coldRatios.add((authorizer.report().coldStartMillis() + function) / reference);
            if (authorizer.report().warmInvocationMillis() != ColdStartReport.NOT_MEASURED) {
                warmMillis.add(authorizer.report().warmInvocationMillis() + function);
                warmRatios.add((authorizer.report().warmInvocationMillis() + function) / reference);
            }
        }
        List<Row> rows = new ArrayList<>();
        if (!coldMillis.isEmpty()) {
            rows.add(new Row("first authenticated request (" + route + "), authorizer cold + function cold", "sum",
                    coldMillis, coldRatios, Optional.empty()));
        }
        if (!warmMillis.isEmpty()) {
            rows.add(new Row("first authenticated request (" + route + "), authorizer warm + function cold", "sum",
                    warmMillis, warmRatios, Optional.empty()));
        }
        return rows;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static boolean isReference(ColdStartReport report) {
        return "reference".equals(report.kind());
    }

    private static String referenceKey(int run, int memoryMb) {
        return run + "/" + Objects.toString(memoryMb);
    }
}
