package dev.penguinmails.contacts.audiences;

import dev.penguinmails.contacts.lists.ListStore;
import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.contacts.segments.CompiledSegment;
import dev.penguinmails.contacts.segments.DeclaredFields;
import dev.penguinmails.contacts.segments.InvalidSegmentException;
import dev.penguinmails.contacts.segments.Segment;
import dev.penguinmails.contacts.segments.SegmentCompiler;
import dev.penguinmails.contacts.segments.SegmentStore;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.shared.tenancy.TenantContext;
import com.github.f4b6a3.ulid.UlidCreator;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a launched campaign's audience once (decision 0056): the members of its lists and the current matches of
 * its segments' saved definitions, in its workspace only, each live {@code active} contact once, in contact id order.
 * The snapshot and its chunk boundaries are written in one transaction with the audience row; a second launch event
 * for the same (campaign, version) finds the row and resolves nothing. Lists and segments that no longer exist (or a
 * segment naming a custom field since removed) are skipped and logged: the campaign launches with what resolves.
 */
@Singleton
class AudienceResolver {
    static final String ACTOR = "system:audiences";
    private static final Logger LOG = LoggerFactory.getLogger(AudienceResolver.class);
    /**
     * A contact's share of a chunk's encoded size: the JSON of its fields (custom fields as name, type and value
     * objects, about 40 bytes each beyond their text) and 300 bytes of names, hash and punctuation.
     */
    private static final String SIZE_ESTIMATE = "300 + octet_length(coalesce(c.email, '')) "
            + "+ coalesce(octet_length(c.first_name), 0) + coalesce(octet_length(c.last_name), 0) "
            + "+ coalesce(octet_length(c.company), 0) + coalesce(octet_length(c.title), 0) "
            + "+ coalesce(octet_length(c.phone), 0) + coalesce(octet_length(c.timezone), 0) "
            + "+ coalesce(octet_length(c.source), 0) + coalesce(octet_length(array_to_string(c.tags, '')), 0) "
            + "+ 4 * cardinality(c.tags) + octet_length(c.custom_fields::text) "
            + "+ 40 * (SELECT count(*) FROM jsonb_object_keys(c.custom_fields))";

    private final QueryModel model;
    private final ListStore lists;
    private final SegmentStore segments;
    private final DeclaredFields fields;
    private final AudienceSettings settings;

    AudienceResolver(QueryModel model, ListStore lists, SegmentStore segments, DeclaredFields fields,
                     AudienceSettings settings) {
        this.model = model;
        this.lists = lists;
        this.segments = segments;
        this.fields = fields;
        this.settings = settings;
    }

    /** Resolves the audience unless it was resolved before; whether this call resolved it. */
    boolean resolve(String workspaceId, CampaignLaunched launch) {
        TenantContext tenant = TenantContext.system(workspaceId, ACTOR);
        List<String> listIds = new ArrayList<>();
        List<String> skippedLists = new ArrayList<>();
        for (String id : launch.listIds().stream().distinct().toList()) {
            (lists.get(tenant, id).isPresent() ? listIds : skippedLists).add(id);
        }
        List<CompiledSegment> compiled = new ArrayList<>();
        List<String> skippedSegments = new ArrayList<>();
        Map<String, String> types = launch.segmentIds().isEmpty() ? Map.of() : fields.types(tenant);
        for (String id : launch.segmentIds().stream().distinct().toList()) {
            Optional<Segment> segment = segments.get(tenant, id);
            try {
                if (segment.isPresent()) {
                    compiled.add(SegmentCompiler.compile(segment.get().definition(), types));
                    continue;
                }
            } catch (InvalidSegmentException e) {
                LOG.warn("Campaign {} v{}: segment {} names a custom field that was removed or retyped; skipped",
                        launch.campaignId(), launch.version(), id);
            }
            skippedSegments.add(id);
        }
        if (!skippedLists.isEmpty() || !skippedSegments.isEmpty()) {
            LOG.warn("Campaign {} v{} in {}: unknown lists {} and segments {} are skipped", launch.campaignId(),
                    launch.version(), workspaceId, skippedLists, skippedSegments);
        }
        Instant now = Instant.now();
        String seed = UlidCreator.getMonotonicUlid().toString();
        return model.inWorkspace(workspaceId, c -> {
            if (exists(c, launch)) {
                return false;
            }
            int size = snapshot(c, workspaceId, launch, listIds, compiled);
            List<Integer> starts = chunkStarts(c, launch);
            Audience audience = new Audience(workspaceId, launch.campaignId(), launch.version(), size, starts, 0, seed,
                    now, null);
            if (!AudienceStore.create(c, audience, skippedLists, skippedSegments)) {
                // Another delivery resolved it meanwhile: this transaction's snapshot rows must not stay.
                throw new ConcurrentResolution();
            }
            LOG.info("Campaign {} v{} in {}: {} contacts in {} chunks", launch.campaignId(), launch.version(), workspaceId,
                    size, starts.size());
            return true;
        });
    }

    private static boolean exists(Connection c, CampaignLaunched launch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM campaign_audiences WHERE campaign_id = ? "
                + "AND campaign_version = ?")) {
            QueryModel.bind(c, s, Arrays.asList(launch.campaignId(), launch.version()));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Writes the snapshot in one statement: the union, distinct by construction (one row per contact), numbered. */
    private static int snapshot(Connection c, String workspaceId, CampaignLaunched launch, List<String> listIds,
                                List<CompiledSegment> compiled) throws SQLException {
        List<String> any = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(workspaceId, launch.campaignId(), launch.version()));
        if (!listIds.isEmpty()) {
            any.add("EXISTS (SELECT 1 FROM list_members m WHERE m.contact_id = c.contact_id AND m.list_id = ANY(?::text[]))");
            params.add(listIds.toArray(String[]::new));
        }
        for (CompiledSegment segment : compiled) {
            any.add("(" + segment.where() + ")");
            params.addAll(segment.params());
        }
        if (any.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO campaign_audience_members (workspace_id, campaign_id, "
                + "campaign_version, position, contact_id) SELECT ?, ?, ?, row_number() OVER (ORDER BY c.contact_id), "
                + "c.contact_id FROM contacts c WHERE NOT c.deleted AND c.status = 'active' AND ("
                + String.join(" OR ", any) + ")")) {
            QueryModel.bind(c, s, params);
            return s.executeUpdate();
        }
    }

    /**
     * Cuts the snapshot into chunks: a new chunk starts after {@code chunk-size} contacts or before the estimated
     * bytes would pass {@code chunk-bytes}. Fixed here, so that every chunk's number and the count never change.
     */
    private List<Integer> chunkStarts(Connection c, CampaignLaunched launch) throws SQLException {
        List<Integer> starts = new ArrayList<>(List.of(1));
        try (PreparedStatement s = c.prepareStatement("SELECT m.position, " + SIZE_ESTIMATE + " FROM campaign_audience_members m "
                + "JOIN contacts c ON c.workspace_id = m.workspace_id AND c.contact_id = m.contact_id "
                + "WHERE m.campaign_id = ? AND m.campaign_version = ? ORDER BY m.position")) {
            QueryModel.bind(c, s, Arrays.asList(launch.campaignId(), launch.version()));
            s.setFetchSize(5000);
            int count = 0;
            long bytes = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int position = r.getInt(1);
                    long size = r.getLong(2);
                    if (count > 0 && (count >= settings.chunkSize() || bytes + size > settings.chunkBytes())) {
                        starts.add(position);
                        count = 0;
                        bytes = 0;
                    }
                    count++;
                    bytes += size;
                }
            }
        }
        return starts;
    }

    /** Two deliveries resolved the same audience at once; the loser's transaction rolls back and its message retries. */
    static final class ConcurrentResolution extends RuntimeException {
        ConcurrentResolution() {
            super("the audience was resolved by another delivery meanwhile");
        }
    }
}
