package dev.penguinmails.contacts.bulk;

import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.contacts.segments.CompiledSegment;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves a target into the snapshot of contact ids an operation works on, from the query model (forced row-level
 * security: only the workspace's rows). Live contacts only, in id order, read in keyset pages.
 */
@Singleton
class BulkTargets {
    private static final int PAGE = 5000;
    private final QueryModel model;

    BulkTargets(QueryModel model) {
        this.model = model;
    }

    /** The ids the segment matches, up to {@code limit} + 1 (so that the caller can tell the limit was passed). */
    List<String> matching(String workspaceId, CompiledSegment segment, int limit) {
        List<String> ids = new ArrayList<>();
        String after = "";
        while (ids.size() <= limit) {
            String from = after;
            int want = Math.min(PAGE, limit + 1 - ids.size());
            List<String> page = model.inWorkspace(workspaceId, c -> {
                List<Object> params = new ArrayList<>(segment.params());
                params.add(from);
                params.add(want);
                try (PreparedStatement s = c.prepareStatement("SELECT c.contact_id FROM contacts c WHERE NOT c.deleted AND "
                        + segment.where() + " AND c.contact_id > ? ORDER BY c.contact_id LIMIT ?")) {
                    QueryModel.bind(c, s, params);
                    return read(s);
                }
            });
            ids.addAll(page);
            if (page.size() < want) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        return ids;
    }

    /** Of the selection, the live contacts of the workspace, in id order (others' ids and unknown ids drop out). */
    List<String> selected(String workspaceId, List<String> contactIds) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT contact_id FROM contacts WHERE NOT deleted "
                    + "AND contact_id = ANY(?::text[]) ORDER BY contact_id")) {
                QueryModel.bind(c, s, Arrays.asList((Object) contactIds.toArray(String[]::new)));
                return read(s);
            }
        });
    }

    private static List<String> read(PreparedStatement s) throws java.sql.SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }
}
