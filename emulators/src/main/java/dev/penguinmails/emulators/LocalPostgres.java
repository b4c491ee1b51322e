package dev.penguinmails.emulators;

import dev.penguinmails.topology.DatabaseSpec;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL server (zonky's binaries from Maven) on 127.0.0.1, standing in for Aurora
 * Serverless v2: it holds each {@link DatabaseSpec query-model database}. It trusts local connections, so
 * functions connect as the {@code postgres} user without a password; the schema's own role keeps tenants apart
 * (decision 0036). The first start extracts the binaries (about 14 s here), later ones take a few seconds.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server keeping its data in {@code dataDir} (kept across restarts), or in a fresh temporary folder
     * when {@code dataDir} is null; {@code port} 0 lets the OS pick one.
     */
    public static LocalPostgres start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new EmulatorException("embedded Postgres could not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database {@code name} unless it exists, and says where a function reaches it. */
    public DatabaseEndpoint database(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    exists = r.next();
                }
            }
            if (!exists) {
                try (Statement create = c.createStatement()) {
                    // Names come from the topology or a test's prefix (letters, digits, '_'), never from a request.
                    create.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new EmulatorException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return new DatabaseEndpoint(postgres.getJdbcUrl(SUPERUSER, name), SUPERUSER, false);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new EmulatorException("embedded Postgres did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
