package dev.penguinmails.contacts.segments.bench;

import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.contacts.segments.CompiledSegment;
import dev.penguinmails.contacts.segments.Condition;
import dev.penguinmails.contacts.segments.SegmentCompiler;
import dev.penguinmails.emulators.LocalPostgres;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * The segment count benchmark (docs/benchmarks/segments.md): fills an embedded Postgres with the query model's
 * schema and {@code contacts} contacts in one workspace (plus a tenth as many in another, so row security has
 * something to filter), then times the counts of typical definitions compiled by {@link SegmentCompiler}, in a
 * transaction scoped to the workspace as {@code QueryModel} runs them. Prints a Markdown table of p50 and p95.
 *
 * <pre>
 * mvn -B -o -pl functions/contacts-query test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.penguinmails.contacts.segments.bench.SegmentCountBenchmark -Dexec.args="1000000 20"
 * </pre>
 */
public final class SegmentCountBenchmark {
    private static final String WORKSPACE = "ws_bench";
    private static final Map<String, String> TYPES = Map.of("seats", "number", "plan", "text", "renews", "date");

    private SegmentCountBenchmark() { }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (LocalPostgres postgres = LocalPostgres.start(null, 0)) {
            DatabaseEndpoint db = postgres.database("segments_bench");
            Flyway.configure().dataSource(db.jdbcUrl(), db.username(), "").locations("classpath:db/contacts").load().migrate();
            Properties login = new Properties();
            login.setProperty("user", db.username());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), login)) {
                long fillStart = System.nanoTime();
                fill(c, WORKSPACE, contacts);
                fill(c, "ws_other", Math.max(1, contacts / 10));
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE contacts");
                }
                System.out.printf("filled %,d + %,d contacts in %.1f s%n", contacts, contacts / 10,
                        (System.nanoTime() - fillStart) / 1e9);
                c.setAutoCommit(false);
                System.out.println("| definition | matches | p50 ms | p95 ms | max ms |");
                System.out.println("|---|---:|---:|---:|---:|");
                for (Map.Entry<String, String> e : definitions().entrySet()) {
                    CompiledSegment compiled = SegmentCompiler.compile(JsonMapper.createDefault()
                            .readValue(e.getValue(), Condition.class), TYPES);
                    long matches = count(c, compiled);
                    for (int i = 0; i < 3; i++) {
                        count(c, compiled);
                    }
                    long[] times = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        long t = System.nanoTime();
                        count(c, compiled);
                        times[i] = System.nanoTime() - t;
                    }
                    Arrays.sort(times);
                    System.out.printf("| %s | %,d | %.0f | %.0f | %.0f |%n", e.getKey(), matches, times[runs / 2] / 1e6,
                            times[(int) Math.ceil(runs * 0.95) - 1] / 1e6, times[runs - 1] / 1e6);
                }
            }
        }
    }

    /** Typical definitions: a tag with a custom field, three rules over custom fields in AND/OR, and wider ones. */
    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("tag `vip` AND seats > 50", """
                {"match":"all","rules":[{"field":"tags","op":"has_any","values":["vip"]},
                 {"field":"custom.seats","op":"gt","value":50}]}""");
        d.put("seats > 80 AND (plan = enterprise OR renews < 2026-03-01)", """
                {"match":"all","rules":[{"field":"custom.seats","op":"gt","value":80},
                 {"match":"any","rules":[{"field":"custom.plan","op":"eq","value":"enterprise"},
                                        {"field":"custom.renews","op":"lt","value":"2026-03-01"}]}]}""");
        d.put("tags any(lead, q4) AND (plan = growth OR seats 10..20)", """
                {"match":"all","rules":[{"field":"tags","op":"has_any","values":["lead","q4"]},
                 {"match":"any","rules":[{"field":"custom.plan","op":"eq","value":"growth"},
                                        {"field":"custom.seats","op":"between","values":[10,20]}]}]}""");
        d.put("domain = acme.com OR (tag none(customer) AND status = active AND title contains founder)", """
                {"match":"any","rules":[{"field":"domain","op":"eq","value":"acme.com"},
                 {"match":"all","rules":[{"field":"tags","op":"has_none","values":["customer"]},
                                        {"field":"status","op":"eq","value":"active"},
                                        {"field":"title","op":"contains","value":"founder"}]}]}""");
        d.put("plan = enterprise (custom field equality alone)", """
                {"match":"all","rules":[{"field":"custom.plan","op":"eq","value":"enterprise"}]}""");
        return d;
    }

    private static long count(Connection c, CompiledSegment segment) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE contacts_query");
        }
        try (PreparedStatement scope = c.prepareStatement("SELECT set_config('penguinmails.workspace_id', ?, true)")) {
            scope.setString(1, WORKSPACE);
            scope.execute();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM contacts c WHERE NOT c.deleted AND "
                + segment.where())) {
            QueryModel.bind(c, s, new ArrayList<>(segment.params()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * {@code n} contacts in one statement: a tenth tagged vip, a third lead, some q4 or customer; seats 1..100, plan
     * one of four, a renewal date within two years, a hundredth at acme.com, a twentieth with founder in the title.
     */
    private static void fill(Connection c, String workspace, int n) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO contacts (workspace_id, contact_id, version, email, email_domain, first_name, title, tags,
                                      custom_fields, source, status, created_at, updated_at)
                SELECT ?, 'con_' || lpad(i::text, 9, '0'), 1,
                       'user' || i || '@' || d, d, 'Name' || i,
                       CASE WHEN i % 20 = 0 THEN 'Co-founder' ELSE 'Manager' END,
                       ARRAY_REMOVE(ARRAY[CASE WHEN i % 10 = 0 THEN 'vip' END, CASE WHEN i % 3 = 0 THEN 'lead' END,
                                          CASE WHEN i % 7 = 0 THEN 'q4' END, CASE WHEN i % 11 = 0 THEN 'customer' END], NULL),
                       jsonb_build_object('seats', 1 + (i::bigint * 7919) % 100,
                                          'plan', (ARRAY['free','starter','growth','enterprise'])[1 + (i * 31) % 4],
                                          'renews', to_char(date '2026-01-01' + ((i * 13) % 730), 'YYYY-MM-DD')),
                       'import', CASE WHEN i % 50 = 0 THEN 'unsubscribed' ELSE 'active' END, now(), now()
                FROM generate_series(1, ?) AS i,
                     LATERAL (SELECT CASE WHEN i % 100 = 0 THEN 'acme.com' ELSE 'd' || (i % 5000) || '.example' END AS d) dom
                """)) {
            s.setString(1, workspace);
            s.setInt(2, n);
            s.executeUpdate();
        }
    }
}
