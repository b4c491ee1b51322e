package dev.penguinmails.contacts.audiences;

import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.EmailHashes;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The contacts of a stretch of an audience's snapshot with their fields as the query model holds them now, in
 * position order. A contact deleted since the snapshot drops out (its row keeps nothing to mail); one whose status
 * changed is carried with its new status, which sending honours.
 */
@Singleton
class AudienceContacts {
    private final QueryModel model;

    AudienceContacts(QueryModel model) {
        this.model = model;
    }

    /** A contact at its position in the snapshot. */
    record Placed(int position, ContactState state) { }

    /**
     * Positions {@code from} (inclusive) to {@code to} (exclusive); custom fields typed by {@code declared} (a date
     * is text in JSON), else by their JSON type.
     */
    List<Placed> read(Audience audience, int from, int to, Map<String, String> declared) {
        String ws = audience.workspaceId();
        return model.inWorkspace(ws, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT m.position, c.contact_id, c.version, c.email, "
                    + "c.first_name, c.last_name, c.company, c.title, c.phone, c.timezone, c.tags, "
                    + "ARRAY(SELECT key FROM jsonb_each(c.custom_fields) ORDER BY key), "
                    + "ARRAY(SELECT jsonb_typeof(value) FROM jsonb_each(c.custom_fields) ORDER BY key), "
                    + "ARRAY(SELECT value #>> '{}' FROM jsonb_each(c.custom_fields) ORDER BY key), c.source, c.status "
                    + "FROM campaign_audience_members m JOIN contacts c ON c.workspace_id = m.workspace_id "
                    + "AND c.contact_id = m.contact_id WHERE m.campaign_id = ? AND m.campaign_version = ? "
                    + "AND m.position >= ? AND m.position < ? AND NOT c.deleted ORDER BY m.position")) {
                QueryModel.bind(c, s, Arrays.asList(audience.campaignId(), audience.campaignVersion(), from, to));
                List<Placed> placed = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        placed.add(new Placed(r.getInt(1), state(ws, r, declared)));
                    }
                }
                return placed;
            }
        });
    }

    private static ContactState state(String workspaceId, ResultSet r, Map<String, String> declared) throws SQLException {
        String email = r.getString(4);
        List<String> tags = Arrays.asList((String[]) r.getArray(11).getArray());
        String[] names = (String[]) r.getArray(12).getArray();
        String[] jsonTypes = (String[]) r.getArray(13).getArray();
        String[] values = (String[]) r.getArray(14).getArray();
        List<ContactState.CustomField> custom = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            custom.add(new ContactState.CustomField(names[i], type(declared.get(names[i]), jsonTypes[i]), values[i]));
        }
        return new ContactState(r.getString(2), email, EmailHashes.of(workspaceId, email), text(r, 5), text(r, 6),
                text(r, 7), text(r, 8), text(r, 9), text(r, 10), tags.isEmpty() ? null : tags,
                custom.isEmpty() ? null : custom, r.getString(15), r.getString(16), r.getLong(3));
    }

    private static String type(String declared, String jsonType) {
        return switch (jsonType) {
            case "number" -> "number";
            case "boolean" -> "boolean";
            default -> "date".equals(declared) ? "date" : "text";
        };
    }

    private static String text(ResultSet r, int column) throws SQLException {
        String value = r.getString(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
