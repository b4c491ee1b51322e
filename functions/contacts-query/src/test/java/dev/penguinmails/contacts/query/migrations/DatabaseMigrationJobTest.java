package dev.penguinmails.contacts.query.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestDatabase;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

/**
 * The deployment step, through its Lambda entry point, on a fresh database with migrations at start turned off as
 * they are in the deployed functions: it creates the schema once, and a second run changes nothing.
 */
@Tag("integration")
class DatabaseMigrationJobTest {

    @Test
    void migratesAFreshDatabaseOnceAndThenHasNothingToDo() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestAws.freshStack().properties());
        properties.putAll(TestDatabase.fresh(PenguinMailsTopology.CONTACTS_DATABASE));
        properties.put("flyway.datasources.default.enabled", "false");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            assertThat(tables(dataSource)).as("no migration runs at the function's start").doesNotContain("contacts");

            var job = new DatabaseMigrationJob(context);
            SchemaMigrations.Result first = job.execute(Map.of());
            assertThat(first.applied()).isEqualTo(4);
            assertThat(first.schemaVersion()).isEqualTo("4");
            assertThat(tables(dataSource)).contains("contacts", "contact_lists", "list_members",
                    "flyway_schema_history");

            SchemaMigrations.Result again = job.execute(Map.of());
            assertThat(again.applied()).isZero();
            assertThat(again.schemaVersion()).isEqualTo("4");
        }
    }

    private static List<String> tables(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
            var names = new java.util.ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
