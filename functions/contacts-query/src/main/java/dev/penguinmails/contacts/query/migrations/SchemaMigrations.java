package dev.penguinmails.contacts.query.migrations;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * Brings the query model's schema up to date with Flyway, from the migrations in the jar. Run once per deployment
 * (decision 0075), not at every function's start: {@code flyway.datasources.default.enabled} is false for the
 * deployed functions, and only tests turn it on.
 */
@Singleton
public class SchemaMigrations {

    private final DataSource dataSource;
    private final String locations;

    public SchemaMigrations(DataSource dataSource,
                            @Property(name = "flyway.datasources.default.locations") String locations) {
        // The bean is Micronaut's connection-aware proxy, which hands out connections only inside @Connectable
        // code; Flyway manages its own connections.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.locations = locations;
    }

    /** Applies every pending migration in order; with none pending it changes nothing. */
    public Result migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.split(","))
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Result(result.migrationsExecuted, version);
    }

    /**
     * @param applied       migrations run by this call
     * @param schemaVersion the schema's version afterwards
     */
    @Serdeable
    public record Result(int applied, String schemaVersion) { }
}
