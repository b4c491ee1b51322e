package dev.penguinmails.contacts.exports;

import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.contacts.segments.Condition;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Export jobs in the query model ({@code contact_exports}), through {@link QueryModel#inWorkspace}, so a workspace
 * reads and writes only its own. A slice of the worker holds an export by a lease ({@code lease_id},
 * {@code lease_until}); every checkpoint is conditional on holding it, so a slice that outlived its lease cannot
 * overwrite the progress of the one that took over. Expired exports (their file expired too) are not shown and are
 * deleted when the workspace creates its next export.
 */
@Singleton
class ExportStore {
    private static final String COLUMNS = "export_id, workspace_id, state, segment_id, list_id, definition::text, columns, "
            + "total, rows_written, last_contact_id, upload_id, parts::text, all_parts, size_bytes, problem, reason, "
            + "created_by, created_at, updated_at, completed_at, expires_at";
    private static final Argument<List<ContactExport.Part>> PARTS = Argument.listOf(ContactExport.Part.class);

    private final QueryModel model;
    private final JsonMapper json;
    private final CursorCodec cursors;

    ExportStore(QueryModel model, JsonMapper json, CursorCodec cursors) {
        this.model = model;
        this.json = json;
        this.cursors = cursors;
    }

    void create(ContactExport e) {
        model.inWorkspace(e.workspaceId(), c -> {
            try (PreparedStatement expired = c.prepareStatement("DELETE FROM contact_exports WHERE expires_at < ?")) {
                QueryModel.bind(c, expired, List.of(e.createdAt()));
                expired.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO contact_exports (workspace_id, export_id, state, "
                    + "segment_id, list_id, definition, columns, total, created_by, created_at, updated_at, expires_at) "
                    + "VALUES (current_setting('penguinmails.workspace_id', true), ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)")) {
                QueryModel.bind(c, s, Arrays.asList(e.id(), e.state().name(), e.segmentId(), e.listId(),
                        e.definition() == null ? null : write(e.definition()), e.columns().toArray(String[]::new),
                        e.total(), e.createdBy(), e.createdAt(), e.updatedAt(), e.expiresAt()));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The export, unless there is none or it expired. */
    Optional<ContactExport> get(String workspaceId, String exportId) {
        return model.inWorkspace(workspaceId, c -> one(c, "SELECT " + COLUMNS + " FROM contact_exports "
                + "WHERE export_id = ? AND expires_at > ?", exportId, Instant.now()));
    }

    /** The workspace's exports, newest first. */
    Page<ContactExport> list(String workspaceId, PageRequest page) {
        String scope = "contact-exports|" + workspaceId;
        String before = page.cursor() == null ? null : cursors.decode(page.cursor(), scope).get("before").s();
        List<ContactExport> exports = model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM contact_exports WHERE expires_at > ? "
                    + (before == null ? "" : "AND export_id < ? ") + "ORDER BY export_id DESC LIMIT ?")) {
                List<Object> params = new ArrayList<>(List.of(Instant.now()));
                if (before != null) {
                    params.add(before);
                }
                params.add(page.limit());
                QueryModel.bind(c, s, params);
                List<ContactExport> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(read(r));
                    }
                }
                return found;
            }
        });
        String next = exports.size() < page.limit() ? null
                : cursors.encode(Map.of("before", AttributeValue.fromS(exports.get(exports.size() - 1).id())), scope);
        return new Page<>(exports, next);
    }

    /**
     * Takes the export for a slice until {@code until}, unless it ended or another slice's lease still runs; the
     * export as taken (state running).
     */
    Optional<ContactExport> claim(String workspaceId, String exportId, String lease, Instant until, Instant now) {
        return model.inWorkspace(workspaceId, c -> one(c, "UPDATE contact_exports SET state = 'RUNNING', lease_id = ?, "
                        + "lease_until = ?, updated_at = ? WHERE export_id = ? AND state IN ('QUEUED', 'RUNNING') "
                        + "AND (lease_until IS NULL OR lease_until < ?) RETURNING " + COLUMNS,
                lease, until, now, exportId, now));
    }

    /** Records the multipart upload the export writes to; false if the lease was lost. */
    boolean startUpload(String workspaceId, String exportId, String lease, String uploadId) {
        return update(workspaceId, "UPDATE contact_exports SET upload_id = ?, updated_at = ? WHERE export_id = ? "
                + "AND lease_id = ? AND upload_id IS NULL", uploadId, Instant.now(), exportId, lease);
    }

    /** Moves the checkpoint past an uploaded part; false if the lease was lost (the part will be written again). */
    boolean checkpoint(String workspaceId, String exportId, String lease, long rowsWritten, String lastContactId,
                       List<ContactExport.Part> parts, boolean allParts, long sizeBytes) {
        return update(workspaceId, "UPDATE contact_exports SET rows_written = ?, last_contact_id = ?, parts = ?::jsonb, "
                        + "all_parts = ?, size_bytes = ?, updated_at = ? WHERE export_id = ? AND lease_id = ?",
                rowsWritten, lastContactId, writeParts(parts), allParts, sizeBytes, Instant.now(), exportId, lease);
    }

    /** Ends the export, completed or failed (with its problem and reason), and lets its lease go. */
    boolean finish(String workspaceId, String exportId, String lease, ExportState state, String problem, String reason) {
        Instant now = Instant.now();
        return update(workspaceId, "UPDATE contact_exports SET state = ?, problem = ?, reason = ?, completed_at = ?, "
                        + "updated_at = ?, lease_id = NULL, lease_until = NULL WHERE export_id = ? AND lease_id = ?",
                state.name(), problem, reason, now, now, exportId, lease);
    }

    /** Lets the lease go so the next slice can start at once (after the budget, or a failure it will retry). */
    void release(String workspaceId, String exportId, String lease) {
        update(workspaceId, "UPDATE contact_exports SET lease_id = NULL, lease_until = NULL WHERE export_id = ? "
                + "AND lease_id = ?", exportId, lease);
    }

    /** Ends an export that no slice holds as failed (its messages ran out of tries). */
    boolean failUnheld(String workspaceId, String exportId, String problem, String reason) {
        Instant now = Instant.now();
        return update(workspaceId, "UPDATE contact_exports SET state = 'FAILED', problem = ?, reason = ?, completed_at = ?, "
                        + "updated_at = ?, lease_id = NULL, lease_until = NULL WHERE export_id = ? "
                        + "AND state IN ('QUEUED', 'RUNNING') AND (lease_until IS NULL OR lease_until < ?)",
                problem, reason, now, now, exportId, now);
    }

    private boolean update(String workspaceId, String sql, Object... params) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                QueryModel.bind(c, s, Arrays.asList(params));
                return s.executeUpdate() == 1;
            }
        });
    }

    private Optional<ContactExport> one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            QueryModel.bind(c, s, Arrays.asList(params));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private ContactExport read(ResultSet r) throws SQLException {
        String definition = r.getString(6);
        try {
            return new ContactExport(r.getString(1), r.getString(2), ExportState.valueOf(r.getString(3)), r.getString(4),
                    r.getString(5), definition == null ? null : json.readValue(definition, Condition.class),
                    Arrays.asList((String[]) r.getArray(7).getArray()), r.getLong(8), r.getLong(9), r.getString(10),
                    r.getString(11), json.readValue(r.getString(12), PARTS), r.getBoolean(13), r.getLong(14),
                    r.getString(15), r.getString(16), r.getString(17), instant(r.getTimestamp(18)),
                    instant(r.getTimestamp(19)), instant(r.getTimestamp(20)), instant(r.getTimestamp(21)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String writeParts(List<ContactExport.Part> parts) {
        return write(parts);
    }
}
