package dev.penguinmails.contacts.bulk;

import dev.penguinmails.contacts.lists.ListRows;
import dev.penguinmails.contacts.lists.ListStore;
import dev.penguinmails.contacts.segments.CompiledSegment;
import dev.penguinmails.contacts.segments.Condition;
import dev.penguinmails.contacts.segments.DeclaredFields;
import dev.penguinmails.contacts.segments.InvalidSegmentException;
import dev.penguinmails.contacts.segments.Segment;
import dev.penguinmails.contacts.segments.SegmentCompiler;
import dev.penguinmails.contacts.segments.SegmentStore;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts bulk operations: checks the request (changing nothing when it is bad), resolves the target once into a
 * snapshot of contact ids, records the operation, and hands the ids over in chunks. Tag, untag and delete chunks go
 * to family contacts through queue {@code contacts-bulk}; list chunks are applied here (lists are this family's),
 * each counted once like the queued ones.
 */
@Singleton
class BulkService {
    private static final Logger LOG = LoggerFactory.getLogger(BulkService.class);
    private final BulkStore store;
    private final BulkQueue queue;
    private final BulkTargets targets;
    private final SegmentStore segments;
    private final ListStore lists;
    private final ListRows listRows;
    private final DeclaredFields fields;
    private final BulkSettings settings;

    BulkService(BulkStore store, BulkQueue queue, BulkTargets targets, SegmentStore segments, ListStore lists,
                ListRows listRows, DeclaredFields fields, BulkSettings settings) {
        this.store = store;
        this.queue = queue;
        this.targets = targets;
        this.segments = segments;
        this.lists = lists;
        this.listRows = listRows;
        this.fields = fields;
        this.settings = settings;
    }

    BulkView create(TenantContext tenant, BulkRequest request) {
        List<FieldError> errors = new ArrayList<>();
        BulkAction action = request.action() == null ? null : BulkAction.of(request.action()).orElse(null);
        if (action == null) {
            errors.add(new FieldError("action", "must be one of tag, untag, add_to_list, remove_from_list, delete"));
        }
        List<String> tags = List.of();
        if (action != null && action.needsTags()) {
            try {
                tags = BulkTags.normalise(request.tags());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("tags", e.getMessage()));
            }
        } else if (request.tags() != null) {
            errors.add(new FieldError("tags", "only tag and untag take tags"));
        }
        if (action != null && action.needsList() && request.listId() == null) {
            errors.add(new FieldError("listId", "add_to_list and remove_from_list need a list"));
        } else if (action != null && !action.needsList() && request.listId() != null) {
            errors.add(new FieldError("listId", "only add_to_list and remove_from_list take a list"));
        }
        long targetsGiven = Stream.of(request.segmentId(), request.definition(), request.contactIds()).filter(Objects::nonNull).count();
        if (targetsGiven != 1) {
            errors.add(new FieldError("segmentId", "give exactly one of segmentId, definition and contactIds"));
        }
        Map<String, String> types = fields.types(tenant);
        if (request.definition() != null) {
            try {
                SegmentCompiler.compile(request.definition(), types);
            } catch (InvalidSegmentException e) {
                errors.addAll(e.errors());
            }
        }
        if (request.contactIds() != null) {
            if (request.contactIds().isEmpty()) {
                errors.add(new FieldError("contactIds", "give at least one contact id"));
            } else if (request.contactIds().size() > settings.maxSelection()) {
                errors.add(new FieldError("contactIds", "at most " + settings.maxSelection() + " ids"));
            } else if (request.contactIds().stream().anyMatch(id -> id == null || !Ids.isValid(id, "con"))) {
                errors.add(new FieldError("contactIds", "each must be a contact id (con_…)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (action.needsList()) {
            lists.get(tenant, request.listId())
                    .orElseThrow(() -> ProblemException.notFound("This workspace has no such list."));
        }
        String target;
        List<String> ids;
        if (request.contactIds() != null) {
            target = "selection";
            ids = targets.selected(tenant.workspaceId(), request.contactIds().stream().distinct().toList());
        } else {
            Condition definition = request.definition();
            target = "definition";
            if (request.segmentId() != null) {
                Segment segment = segments.get(tenant, request.segmentId())
                        .orElseThrow(() -> ProblemException.notFound("This workspace has no such segment."));
                definition = segment.definition();
                target = "segment";
            }
            CompiledSegment compiled;
            try {
                compiled = SegmentCompiler.compile(definition, types);
            } catch (InvalidSegmentException e) {
                throw ProblemException.invalid(List.of(new FieldError("segmentId", "the segment names a custom field that "
                        + "was removed or retyped")));
            }
            ids = targets.matching(tenant.workspaceId(), compiled, settings.maxContacts());
            if (ids.size() > settings.maxContacts()) {
                throw ProblemException.invalid(List.of(new FieldError(target.equals("segment") ? "segmentId" : "definition",
                        "matches more than " + settings.maxContacts() + " contacts; narrow it")));
            }
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += settings.chunkSize()) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + settings.chunkSize())));
        }
        Instant now = Instant.now();
        BulkOperation op = new BulkOperation(Ids.newId("blk"), tenant.workspaceId(), action.wire(), tags,
                request.listId(), target, request.segmentId(), ids.size(), chunks.size(), 0, 0, 0, 0, 0, null, null,
                tenant.principalId(), now, now);
        store.create(tenant, op, now.plus(settings.keepFor()));
        try {
            if (action.changesContacts()) {
                List<BulkQueue.Chunk> messages = new ArrayList<>();
                for (int i = 0; i < chunks.size(); i++) {
                    messages.add(new BulkQueue.Chunk(tenant.workspaceId(), op.id(), i + 1, action.wire(), tags, chunks.get(i)));
                }
                queue.send(messages);
            } else {
                for (int i = 0; i < chunks.size(); i++) {
                    applyToList(tenant, op.id(), i + 1, action, request.listId(), chunks.get(i));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Bulk operation {} could not be handed over", op.id(), e);
            store.fail(tenant, op.id(), "bulk-operation-failed", "The operation could not be started in full; chunks "
                    + "already started still apply.");
            throw e;
        }
        return get(tenant, op.id());
    }

    /** A list chunk: the contacts table first (the system of record), then the query model; counted once. */
    private void applyToList(TenantContext tenant, String operationId, int chunk, BulkAction action, String listId,
                             List<String> ids) {
        boolean add = action == BulkAction.ADD_TO_LIST;
        lists.writeMembers(tenant, listId, ids, add);
        int changed = add ? listRows.add(tenant.workspaceId(), listId, ids) : listRows.remove(tenant.workspaceId(), listId, ids);
        store.count(tenant, operationId, chunk, ids.size(), changed, ids.size() - changed, 0, 0);
    }

    BulkView get(TenantContext tenant, String id) {
        return BulkView.of(store.get(tenant, id)
                .orElseThrow(() -> ProblemException.notFound("This workspace has no such bulk operation.")));
    }

    Page<BulkView> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page).map(BulkView::of);
    }
}
