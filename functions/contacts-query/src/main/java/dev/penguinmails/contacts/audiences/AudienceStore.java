package dev.penguinmails.contacts.audiences;

import dev.penguinmails.contacts.query.QueryModel;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Audiences in the query model ({@code campaign_audiences}, {@code campaign_audience_members}), through
 * {@link QueryModel#inWorkspace}, so a workspace reads and writes only its own. A slice holds an audience by a lease
 * while it publishes; the progress ({@code next_chunk}) only moves forward, and only under the lease.
 */
@Singleton
class AudienceStore {
    private static final String COLUMNS = "workspace_id, campaign_id, campaign_version, audience_size, chunk_starts, "
            + "next_chunk, event_seed, created_at, completed_at";
    private final QueryModel model;

    AudienceStore(QueryModel model) {
        this.model = model;
    }

    /** Records a resolved audience unless one exists for the campaign's version; whether this call recorded it. */
    static boolean create(Connection c, Audience a, List<String> skippedLists, List<String> skippedSegments)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO campaign_audiences (workspace_id, campaign_id, "
                + "campaign_version, audience_size, chunk_starts, event_seed, skipped_lists, skipped_segments, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?::integer[], ?, ?::text[], ?::text[], ?, ?) ON CONFLICT DO NOTHING")) {
            QueryModel.bind(c, s, Arrays.asList(a.workspaceId(), a.campaignId(), a.campaignVersion(), a.audienceSize(),
                    a.chunkStarts().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")), a.eventSeed(), skippedLists.toArray(String[]::new),
                    skippedSegments.toArray(String[]::new), a.createdAt(), a.createdAt()));
            return s.executeUpdate() == 1;
        }
    }

    Optional<Audience> get(String workspaceId, String campaignId, long version) {
        return model.inWorkspace(workspaceId, c -> one(c, "SELECT " + COLUMNS + " FROM campaign_audiences "
                + "WHERE campaign_id = ? AND campaign_version = ?", campaignId, version));
    }

    /** Takes the audience for a slice until {@code until}, unless it is finished or another slice's lease still runs. */
    Optional<Audience> claim(String workspaceId, String campaignId, long version, String lease, Instant until, Instant now) {
        return model.inWorkspace(workspaceId, c -> one(c, "UPDATE campaign_audiences SET lease_id = ?, lease_until = ?, "
                        + "updated_at = ? WHERE campaign_id = ? AND campaign_version = ? AND completed_at IS NULL "
                        + "AND (lease_until IS NULL OR lease_until < ?) RETURNING " + COLUMNS,
                lease, until, now, campaignId, version, now));
    }

    /** Moves the progress to {@code nextChunk} (finishing the audience when it is the last); false if the lease was lost. */
    boolean checkpoint(String workspaceId, String campaignId, long version, String lease, int nextChunk, boolean finished) {
        Instant now = Instant.now();
        return update(workspaceId, "UPDATE campaign_audiences SET next_chunk = GREATEST(next_chunk, ?), updated_at = ?, "
                        + "completed_at = CASE WHEN ? THEN ?::timestamptz ELSE completed_at END WHERE campaign_id = ? "
                        + "AND campaign_version = ? AND lease_id = ?",
                nextChunk, now, finished, now, campaignId, version, lease);
    }

    /** Deletes the snapshots of the workspace's audiences published before {@code before}; the members deleted. */
    int pruneSnapshots(String workspaceId, Instant before) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM campaign_audience_members m USING campaign_audiences a "
                    + "WHERE a.workspace_id = m.workspace_id AND a.campaign_id = m.campaign_id "
                    + "AND a.campaign_version = m.campaign_version AND a.completed_at < ?")) {
                QueryModel.bind(c, s, List.of(before));
                return s.executeUpdate();
            }
        });
    }

    /** Lets the lease go, so that the next slice (or a retry) can start at once. */
    void release(String workspaceId, String campaignId, long version, String lease) {
        update(workspaceId, "UPDATE campaign_audiences SET lease_id = NULL, lease_until = NULL WHERE campaign_id = ? "
                + "AND campaign_version = ? AND lease_id = ?", campaignId, version, lease);
    }

    /** The contact ids of positions {@code from} (inclusive) to {@code to} (exclusive), in position order. */
    List<String> members(String workspaceId, String campaignId, long version, int from, int to) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT contact_id FROM campaign_audience_members "
                    + "WHERE campaign_id = ? AND campaign_version = ? AND position >= ? AND position < ? ORDER BY position")) {
                QueryModel.bind(c, s, Arrays.asList(campaignId, version, from, to));
                List<String> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    private boolean update(String workspaceId, String sql, Object... params) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                QueryModel.bind(c, s, Arrays.asList(params));
                return s.executeUpdate() == 1;
            }
        });
    }

    private static Optional<Audience> one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            QueryModel.bind(c, s, Arrays.asList(params));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Integer[] starts = (Integer[]) r.getArray(5).getArray();
                return Optional.of(new Audience(r.getString(1), r.getString(2), r.getLong(3), r.getInt(4),
                        Arrays.asList(starts), r.getInt(6), r.getString(7), instant(r.getTimestamp(8)),
                        instant(r.getTimestamp(9))));
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
