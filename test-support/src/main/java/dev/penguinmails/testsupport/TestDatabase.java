package dev.penguinmails.testsupport;

import dev.penguinmails.emulators.LocalPostgres;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.DatabaseSpec;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The query-model Postgres for tests: one embedded server per JVM, started on first use and stopped when the JVM
 * exits. Each call to {@link #fresh} creates a database no other caller gets, so test classes never see each
 * other's rows. Merge its properties with {@link TestAws#freshStack()}'s:
 * <pre>{@code
 * Map<String, String> p = new HashMap<>(TestAws.freshStack().properties());
 * p.putAll(TestDatabase.fresh(PenguinMailsTopology.CONTACTS_DATABASE));
 * }</pre>
 */
public final class TestDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile LocalPostgres shared;

    private TestDatabase() { }

    /** The JVM's embedded Postgres, started on first call. */
    public static LocalPostgres shared() {
        if (shared == null) {
            synchronized (TestDatabase.class) {
                if (shared == null) {
                    LocalPostgres started = LocalPostgres.start(null, 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "penguinmails-test-postgres-stop"));
                    shared = started;
                }
            }
        }
        return shared;
    }

    /** A new, empty database for {@code spec}, as the properties a function that queries it is given. */
    public static Map<String, String> fresh(DatabaseSpec spec) {
        DatabaseEndpoint db = endpoint(spec);
        return Map.of(ConfigKeys.databaseUrl(spec.name()), db.jdbcUrl(),
                ConfigKeys.databaseUser(spec.name()), db.username(),
                ConfigKeys.databaseIamAuth(spec.name()), "false");
    }

    /** A new, empty database for {@code spec}. */
    public static DatabaseEndpoint endpoint(DatabaseSpec spec) {
        return shared().database("t" + DATABASES.incrementAndGet() + "_" + spec.name().replace('-', '_'));
    }
}
