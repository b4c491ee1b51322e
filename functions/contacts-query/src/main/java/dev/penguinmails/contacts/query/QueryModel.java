package dev.penguinmails.contacts.query;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one way into the query model's tables: every unit of work runs in a transaction that first becomes role
 * {@code contacts_query} and names its workspace in {@code penguinmails.workspace_id}, so row-level security hands
 * it that workspace's rows and nothing else, whatever its SQL says (V1__query_model.sql). There is no other
 * path to those tables, except {@link #workspaces()} for reconciliation, which reads ids only.
 */
@Singleton
public class QueryModel {
    private final TransactionOperations<Connection> transactions;

    QueryModel(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Work with one connection, inside a transaction scoped to one workspace. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a read-write transaction that sees and writes only {@code workspaceId}'s rows. */
    public <R> R inWorkspace(String workspaceId, Work<R> work) {
        Objects.requireNonNull(workspaceId, "the query model cannot be used without a workspace");
        if (workspaceId.isBlank()) {
            throw new IllegalArgumentException("the query model cannot be used without a workspace");
        }
        return transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try {
                try (Statement role = c.createStatement()) {
                    role.execute("SET LOCAL ROLE contacts_query");
                }
                try (PreparedStatement scope = c.prepareStatement("SELECT set_config('penguinmails.workspace_id', ?, true)")) {
                    scope.setString(1, workspaceId);
                    scope.execute();
                }
                return work.run(c);
            } catch (SQLException e) {
                throw new QueryModelException(e);
            }
        });
    }

    /** Every workspace that has rows in the query model; the reconciliation's list of what to compare. */
    public List<String> workspaces() {
        return transactions.executeRead(status -> {
            List<String> ids = new ArrayList<>();
            try (Statement s = status.getConnection().createStatement();
                 var rows = s.executeQuery("SELECT DISTINCT workspace_id FROM contacts UNION "
                         + "SELECT DISTINCT workspace_id FROM contact_lists")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new QueryModelException(e);
            }
            return ids;
        });
    }

    /** Binds {@code params} in order: text arrays as {@code text[]}, instants as {@code timestamptz}. */
    public static void bind(Connection c, PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int at = i + 1;
            if (p instanceof String[] texts) {
                statement.setArray(at, c.createArrayOf("text", texts));
            } else if (p instanceof Instant instant) {
                statement.setObject(at, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof BigDecimal number) {
                statement.setBigDecimal(at, number);
            } else if (p instanceof Long number) {
                statement.setLong(at, number);
            } else if (p instanceof Integer number) {
                statement.setInt(at, number);
            } else if (p instanceof Boolean bool) {
                statement.setBoolean(at, bool);
            } else if (p == null) {
                statement.setNull(at, java.sql.Types.VARCHAR);
            } else {
                statement.setString(at, p.toString());
            }
        }
    }

    /** A database failure, unchecked so that transactions roll back and consumers retry. */
    public static final class QueryModelException extends RuntimeException {
        public QueryModelException(SQLException cause) {
            super("query model: " + cause.getMessage(), cause);
        }
    }
}
