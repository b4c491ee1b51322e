package dev.penguinmails.contacts.query;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contact rows of the query model, applied by version: an older state never overwrites a newer one, and a deletion
 * leaves a tombstone at its version so that a late update cannot bring the contact back. Every method runs inside
 * {@link QueryModel#inWorkspace}, so it touches one workspace's rows.
 */
@Singleton
public class ContactRows {
    private static final String COLUMNS = "workspace_id, contact_id, version, deleted, email, email_domain, first_name, "
            + "last_name, company, title, phone, timezone, tags, custom_fields, source, status, created_at, updated_at";
    private static final String UPSERT = "INSERT INTO contacts (" + COLUMNS + ") "
            + "VALUES (current_setting('penguinmails.workspace_id', true), ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::timestamptz, ?::timestamptz) "
            + "ON CONFLICT (workspace_id, contact_id) DO UPDATE SET version = EXCLUDED.version, deleted = false, "
            + "email = EXCLUDED.email, email_domain = EXCLUDED.email_domain, first_name = EXCLUDED.first_name, "
            + "last_name = EXCLUDED.last_name, company = EXCLUDED.company, title = EXCLUDED.title, phone = EXCLUDED.phone, "
            + "timezone = EXCLUDED.timezone, tags = EXCLUDED.tags, custom_fields = EXCLUDED.custom_fields, "
            + "source = EXCLUDED.source, status = EXCLUDED.status, "
            + "created_at = COALESCE(contacts.created_at, EXCLUDED.created_at), updated_at = EXCLUDED.updated_at "
            + "WHERE contacts.version < EXCLUDED.version";
    private static final String TOMBSTONE = "INSERT INTO contacts (workspace_id, contact_id, version, deleted) "
            + "VALUES (current_setting('penguinmails.workspace_id', true), ?, ?, true) "
            + "ON CONFLICT (workspace_id, contact_id) DO UPDATE SET version = EXCLUDED.version, deleted = true, "
            + "email = NULL, email_domain = NULL, first_name = NULL, last_name = NULL, company = NULL, title = NULL, "
            + "phone = NULL, timezone = NULL, tags = '{}', custom_fields = '{}', source = NULL, status = NULL, "
            + "created_at = NULL, updated_at = NULL "
            + "WHERE contacts.version <= EXCLUDED.version";

    /** Writes {@code row} unless the model holds the same or a newer version; whether it wrote. */
    public boolean upsert(Connection c, ContactRow row) throws SQLException {
        return write(c, UPSERT, row);
    }

    /** Writes {@code row} whatever the model holds: reconciliation's repair, the system of record being right. */
    public void overwrite(Connection c, ContactRow row) throws SQLException {
        try (PreparedStatement drop = c.prepareStatement("DELETE FROM contacts WHERE contact_id = ?")) {
            drop.setString(1, row.contactId());
            drop.executeUpdate();
        }
        write(c, UPSERT, row);
    }

    private static boolean write(Connection c, String sql, ContactRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            QueryModel.bind(c, s, java.util.Arrays.asList(row.contactId(), row.version(), row.email(), row.emailDomain(),
                    row.firstName(), row.lastName(), row.company(), row.title(), row.phone(), row.timezone(),
                    row.tags().toArray(String[]::new), Json.object(row.customFields()), row.source(), row.status(),
                    row.createdAt(), row.updatedAt()));
            return s.executeUpdate() == 1;
        }
    }

    /** Leaves a tombstone at {@code version} unless a newer state is held; whether it did. */
    public boolean tombstone(Connection c, String contactId, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TOMBSTONE)) {
            s.setString(1, contactId);
            s.setLong(2, version);
            return s.executeUpdate() == 1;
        }
    }

    /** Drops the contact's list memberships (an erasure keeps nothing about the person but the tombstone). */
    public void forgetMemberships(Connection c, String contactId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM list_members WHERE contact_id = ?")) {
            s.setString(1, contactId);
            s.executeUpdate();
        }
    }

    /**
     * Version and deletion of the workspace's rows whose contact id is after {@code after} and, unless
     * {@code upTo} is null, at most {@code upTo}, by contact id. Ids compare byte by byte ({@code COLLATE "C"}),
     * as DynamoDB orders its sort keys, so a page of the contacts table and this range hold the same ids.
     */
    public Map<String, Held> versions(Connection c, String after, String upTo) throws SQLException {
        Map<String, Held> held = new HashMap<>();
        String sql = "SELECT contact_id, version, deleted FROM contacts WHERE contact_id COLLATE \"C\" > ?"
                + (upTo == null ? "" : " AND contact_id COLLATE \"C\" <= ?");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, after);
            if (upTo != null) {
                s.setString(2, upTo);
            }
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    held.put(r.getString(1), new Held(r.getLong(2), r.getBoolean(3)));
                }
            }
        }
        return held;
    }

    /** Whether the live contacts among {@code contactIds} are all of them; the ids that are not live. */
    public List<String> notLive(Connection c, List<String> contactIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM unnest(?::text[]) AS id WHERE NOT EXISTS "
                + "(SELECT 1 FROM contacts WHERE contact_id = id AND NOT deleted)")) {
            s.setArray(1, c.createArrayOf("text", contactIds.toArray()));
            List<String> missing = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    missing.add(r.getString(1));
                }
            }
            return missing;
        }
    }

    /** What the query model holds of one contact. */
    public record Held(long version, boolean deleted) { }
}
