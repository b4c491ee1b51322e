package dev.penguinmails.contacts.segments;

import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Counts and pages of the live contacts a compiled segment matches, in one workspace. */
@Singleton
public class SegmentQueries {
    private static final String MEMBER_COLUMNS = "c.contact_id, c.email, c.first_name, c.last_name, c.company, c.title, "
            + "c.status, c.tags, c.version, c.updated_at";
    private final QueryModel model;
    private final CursorCodec cursors;

    SegmentQueries(QueryModel model, CursorCodec cursors) {
        this.model = model;
        this.cursors = cursors;
    }

    public long count(String workspaceId, CompiledSegment segment) {
        return model.inWorkspace(workspaceId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM contacts c WHERE NOT c.deleted AND "
                    + segment.where())) {
                QueryModel.bind(c, s, segment.params());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** Up to {@code limit} matching contacts by id, after {@code afterId} (null: from the first). */
    public List<Member> page(String workspaceId, CompiledSegment segment, String afterId, int limit) {
        return model.inWorkspace(workspaceId, c -> {
            List<Object> params = new ArrayList<>(segment.params());
            params.add(afterId == null ? "" : afterId);
            params.add(limit);
            try (PreparedStatement s = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM contacts c WHERE NOT c.deleted AND "
                    + segment.where() + " AND c.contact_id > ? ORDER BY c.contact_id LIMIT ?")) {
                QueryModel.bind(c, s, params);
                List<Member> members = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Timestamp updated = r.getTimestamp(10);
                        members.add(new Member(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7),
                                Arrays.asList((String[]) r.getArray(8).getArray()), r.getLong(9),
                                updated == null ? null : updated.toInstant()));
                    }
                }
                return members;
            }
        });
    }

    /** Up to a page of matching contacts after the cursor, with the cursor of the next (signed for {@code scope}). */
    public Page<Member> page(String workspaceId, CompiledSegment segment, String scope, PageRequest page) {
        String after = page.cursor() == null ? null : cursors.decode(page.cursor(), scope).get("after").s();
        List<Member> members = page(workspaceId, segment, after, page.limit());
        String next = members.size() < page.limit() ? null
                : cursors.encode(Map.of("after", AttributeValue.fromS(members.get(members.size() - 1).id())), scope);
        return new Page<>(members, next);
    }

    /** A matching contact as the query model holds it (the contacts API has the whole record). */
    @Serdeable
    @Schema(name = "SegmentMember")
    public record Member(String id, String email, @Nullable String firstName, @Nullable String lastName,
                         @Nullable String company, @Nullable String title, String status, List<String> tags,
                         long version, @Nullable java.time.Instant updatedAt) { }
}
