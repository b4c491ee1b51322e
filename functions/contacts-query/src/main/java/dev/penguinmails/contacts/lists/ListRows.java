package dev.penguinmails.contacts.lists;

import dev.penguinmails.contacts.query.QueryModel;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Lists and members in the query model, written through after the contacts table so segments can test membership. */
@Singleton
public class ListRows {
    private final QueryModel model;

    ListRows(QueryModel model) {
        this.model = model;
    }

    public void put(String workspaceId, ContactList list) {
        model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO contact_lists (workspace_id, list_id, name, created_at) "
                    + "VALUES (current_setting('penguinmails.workspace_id', true), ?, ?, ?) "
                    + "ON CONFLICT (workspace_id, list_id) DO UPDATE SET name = EXCLUDED.name")) {
                QueryModel.bind(c, s, Arrays.asList(list.id(), list.name(), list.createdAt()));
                return s.executeUpdate();
            }
        });
    }

    public void delete(String workspaceId, String listId) {
        model.inWorkspace(workspaceId, c -> {
            for (String table : List.of("list_members", "contact_lists")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE list_id = ?")) {
                    s.setString(1, listId);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Adds the members; how many were not members already. */
    public int add(String workspaceId, String listId, List<String> contactIds) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO list_members (workspace_id, list_id, contact_id, added_at) "
                    + "SELECT current_setting('penguinmails.workspace_id', true), ?, id, ? FROM unnest(?::text[]) AS id "
                    + "ON CONFLICT DO NOTHING")) {
                QueryModel.bind(c, s, Arrays.asList(listId, Instant.now(), contactIds.toArray(String[]::new)));
                return s.executeUpdate();
            }
        });
    }

    /** Removes the members; how many were members. */
    public int remove(String workspaceId, String listId, List<String> contactIds) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM list_members WHERE list_id = ? AND contact_id = ANY(?::text[])")) {
                QueryModel.bind(c, s, Arrays.asList(listId, contactIds.toArray(String[]::new)));
                return s.executeUpdate();
            }
        });
    }
}
