package dev.penguinmails.contacts.exports;

import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.contacts.segments.CompiledSegment;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the contacts an export writes, a batch at a time in contact id order after a key (keyset pagination: each
 * batch is one indexed range query in its own short transaction, so no slice holds a cursor or the whole result).
 */
@Singleton
class ExportRows {
    private final QueryModel model;

    ExportRows(QueryModel model) {
        this.model = model;
    }

    /** A contact's id and its cells, in the export's column order (raw: escaping is the writer's). */
    record Row(String contactId, String[] cells) { }

    /** Up to {@code limit} live contacts matching {@code filter} after {@code afterId} (null: from the first). */
    List<Row> after(String workspaceId, CompiledSegment filter, List<String> columns, String afterId, int limit) {
        List<Object> params = new ArrayList<>();
        String select = ExportColumns.select(columns, params);
        params.addAll(filter.params());
        params.add(afterId == null ? "" : afterId);
        params.add(limit);
        String sql = "SELECT c.contact_id, " + select + " FROM contacts c WHERE NOT c.deleted AND " + filter.where()
                + " AND c.contact_id > ? ORDER BY c.contact_id LIMIT ?";
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                QueryModel.bind(c, s, params);
                List<Row> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String[] cells = new String[columns.size()];
                        for (int i = 0; i < cells.length; i++) {
                            cells[i] = r.getString(i + 2);
                        }
                        rows.add(new Row(r.getString(1), cells));
                    }
                }
                return rows;
            }
        });
    }
}
