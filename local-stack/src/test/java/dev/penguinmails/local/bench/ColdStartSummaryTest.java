package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.bench.ColdStartRatios.Row;
import dev.penguinmails.local.bench.ColdStartRatios.RunReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ratios to the reference, their medians and goals, the authenticated-request sums, and the Markdown they make. */
class ColdStartSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKSPACE = "GET /v1/workspaces/{workspaceId}";

    /** Three runs; the reference takes 1000, 800 and 1000 ms. */
    private static final List<RunReport> REPORTS = List.of(
            run(1, report("reference", "api", "reference", "GET /reference", 1000, -1)),
            run(1, report("identity", "api", "http", "POST /v1/signup", 1400, -1)),
            run(1, report("identity", "authorizer", "authorizer", WORKSPACE, 1200, 10)),
            run(1, report("identity", "api", "http", WORKSPACE, 1300, -1)),
            run(1, report("identity", "emails", "queue", "", 1250, -1)),
            run(2, report("reference", "api", "reference", "GET /reference", 800, -1)),
            run(2, report("identity", "api", "http", "POST /v1/signup", 1400, -1)),
            run(2, report("identity", "authorizer", "authorizer", WORKSPACE, 1000, 20)),
            run(2, report("identity", "api", "http", WORKSPACE, 1000, -1)),
            run(2, report("identity", "emails", "queue", "", 1200, -1)),
            run(3, report("reference", "api", "reference", "GET /reference", 1000, -1)),
            run(3, report("identity", "api", "http", "POST /v1/signup", 1100, -1)),
            run(3, report("identity", "authorizer", "authorizer", WORKSPACE, 1100, 30)),
            run(3, report("identity", "api", "http", WORKSPACE, 1200, -1)),
            run(3, report("identity", "emails", "queue", "", 1400, -1)));

    @Test
    void eachEntryPointIsTheMedianOfItsPerRunRatiosToThatRunsReference() {
        List<Row> rows = ColdStartRatios.rows(REPORTS);

        assertThat(rows).extracting(Row::label).containsExactly("reference (GET /reference)",
                "identity api (POST /v1/signup)", "identity authorizer (" + WORKSPACE + ")",
                "identity api (" + WORKSPACE + ")", "identity emails",
                "first authenticated request (" + WORKSPACE + "), authorizer cold + function cold",
                "first authenticated request (" + WORKSPACE + "), authorizer warm + function cold");
        Row signup = rows.get(1);
        assertThat(signup.ratios()).containsExactly(1.4, 1.75, 1.1);
        assertThat(signup.medianRatio()).isEqualTo(1.4);
        assertThat(signup.medianMillis()).isEqualTo(1400);
        assertThat(signup.goal()).contains(1.5);
        assertThat(signup.passes()).contains(true);
        Row emails = rows.get(4);
        assertThat(emails.medianRatio()).isEqualTo(1.4);
        assertThat(emails.goal()).contains(1.3);
        assertThat(emails.passes()).as("a queue consumer's goal is 1.3").contains(false);
        assertThat(rows.get(0).ratios()).containsOnly(1.0);
        assertThat(rows.get(0).passes()).isEmpty();
    }

    @Test
    void theFirstAuthenticatedRequestAddsTheAuthorizerToTheFunctionServingItsRoute() {
        List<Row> rows = ColdStartRatios.rows(REPORTS);

        Row cold = rows.get(5);
        assertThat(cold.coldStartMillis()).containsExactly(2500L, 2000L, 2300L);
        assertThat(cold.ratios()).containsExactly(2.5, 2.5, 2.3);
        assertThat(cold.goal()).isEmpty();
        Row warm = rows.get(6);
        assertThat(warm.coldStartMillis()).containsExactly(1310L, 1020L, 1230L);
        assertThat(warm.medianRatio()).isCloseTo(1.275, within(1e-9));
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        assertThat(ColdStartRatios.median(List.of(1.6, 1.2, 1.4, 2.0))).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void aRunThatMeasuresTheReferenceSeveralTimesDividesByItsMedianMeasurement() {
        List<RunReport> reports = List.of(run(1, report("reference", "api", "reference", "GET /reference", 1000, -1)),
                run(1, report("identity", "emails", "queue", "", 1300, -1)),
                run(1, report("reference", "api", "reference", "GET /reference", 1400, -1)),
                run(1, report("reference", "api", "reference", "GET /reference", 900, -1)));

        Row emails = ColdStartRatios.rows(reports).stream().filter(r -> r.label().equals("identity emails"))
                .findFirst().orElseThrow();

        assertThat(emails.medianRatio()).isCloseTo(1.3, within(1e-9));
    }

    @Test
    void anEntryPointWithoutAReferenceOfItsMemoryInItsRunIsAnError() {
        List<RunReport> reports = List.of(run(1, report("reference", "api", "reference", "GET /reference", 1000, -1)),
                run(2, report("identity", "emails", "queue", "", 1200, -1)));

        assertThatThrownBy(() -> ColdStartRatios.rows(reports)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Run 2 has no reference measured with 1024 MB for identity emails.");
    }

    @Test
    void theMarkdownShowsRatiosGoalsVerdictsAndEveryRun() {
        List<String> lines = REPORTS.stream().map(r -> r.run() + "\t" + r.report().toJson(JSON)).toList();

        String markdown = ColdStartSummary.markdown(ColdStartSummary.parse(lines));

        assertThat(markdown).contains(
                "| reference (GET /reference) | reference | 1000 (800–1000) | 1.00 (1.00–1.00) | – | – |\n",
                "| identity api (POST /v1/signup) | http | 1400 (1100–1400) | 1.40 (1.10–1.75) | ≤ 1.50 | pass |\n",
                "| identity emails | queue | 1250 (1200–1400) | 1.40 (1.25–1.50) | ≤ 1.30 | **fail** |\n",
                "| first authenticated request (" + WORKSPACE + "), authorizer cold + function cold | sum | "
                        + "2300 (2000–2500) | 2.50 (2.30–2.50) | – | – |\n",
                "| 2 | identity authorizer (" + WORKSPACE + ") | 20 | 700 | 280 | 20 | 1000 | 1.25 | succeeded |\n",
                "| 3 | identity emails | 20 | 1100 | 280 | – | 1400 | 1.40 | succeeded |\n");
        assertThat(markdown.lines().filter(l -> l.matches("\\| \\d \\| .*"))).hasSize(REPORTS.size());
    }

    @Test
    void aLineThatIsNotARunAndAReportIsRefused() {
        assertThatThrownBy(() -> ColdStartSummary.parse(List.of("{\"function\":\"identity\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not 'run<TAB>report'");
    }

    private static RunReport run(int run, ColdStartReport report) {
        return new RunReport(run, report);
    }

    /** A succeeded report of {@code coldStart} ms: 20 ms JVM boot, 280 ms first call, init the rest. */
    private static ColdStartReport report(String function, String entryPoint, String kind, String route,
                                          long coldStart, long warm) {
        return new ColdStartReport(function, entryPoint, "handler", kind, 1024, route, 20, coldStart - 300, 280, warm,
                true, "detail", Optional.empty());
    }
}
