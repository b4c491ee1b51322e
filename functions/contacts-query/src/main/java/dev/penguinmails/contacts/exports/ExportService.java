package dev.penguinmails.contacts.exports;

import dev.penguinmails.contacts.lists.ListStore;
import dev.penguinmails.contacts.segments.CompiledSegment;
import dev.penguinmails.contacts.segments.Condition;
import dev.penguinmails.contacts.segments.DeclaredFields;
import dev.penguinmails.contacts.segments.InvalidSegmentException;
import dev.penguinmails.contacts.segments.Segment;
import dev.penguinmails.contacts.segments.SegmentCompiler;
import dev.penguinmails.contacts.segments.SegmentQueries;
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
import java.util.stream.Stream;

/**
 * Creates exports (checking the filter and columns, counting the matches, queuing the first slice) and shows them,
 * minting a fresh presigned download URL for a completed one on each read. Every call is in the tenant's workspace.
 */
@Singleton
class ExportService {
    private final ExportStore store;
    private final ExportQueue queue;
    private final ExportObjects objects;
    private final SegmentStore segments;
    private final ListStore lists;
    private final SegmentQueries queries;
    private final DeclaredFields fields;
    private final ExportSettings settings;

    ExportService(ExportStore store, ExportQueue queue, ExportObjects objects, SegmentStore segments, ListStore lists,
                  SegmentQueries queries, DeclaredFields fields, ExportSettings settings) {
        this.store = store;
        this.queue = queue;
        this.objects = objects;
        this.segments = segments;
        this.lists = lists;
        this.queries = queries;
        this.fields = fields;
        this.settings = settings;
    }

    ExportView create(TenantContext tenant, ExportRequest request) {
        Map<String, String> types = fields.types(tenant);
        List<FieldError> errors = new ArrayList<>();
        if (Stream.of(request.segmentId(), request.listId(), request.definition()).filter(f -> f != null).count() > 1) {
            errors.add(new FieldError("segmentId", "give at most one of segmentId, listId and definition"));
        }
        List<String> columns = request.columns() == null ? ExportColumns.defaults(types.keySet()) : request.columns();
        if (request.columns() != null) {
            errors.addAll(ExportColumns.check(request.columns(), types.keySet()));
        }
        if (request.definition() != null) {
            try {
                SegmentCompiler.compile(request.definition(), types);
            } catch (InvalidSegmentException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Condition definition = request.definition();
        if (request.segmentId() != null) {
            Segment segment = segments.get(tenant, request.segmentId())
                    .orElseThrow(() -> ProblemException.notFound("This workspace has no such segment."));
            definition = segment.definition();
        } else if (request.listId() != null) {
            lists.get(tenant, request.listId())
                    .orElseThrow(() -> ProblemException.notFound("This workspace has no such list."));
            definition = new Condition("all", List.of(new Condition(null, null, "list", "in_list", request.listId(), null)),
                    null, null, null, null);
        }
        CompiledSegment filter = definition == null ? ExportWorker.ALL : SegmentCompiler.compile(definition, types);
        Instant now = Instant.now();
        ContactExport export = new ContactExport(Ids.newId("exp"), tenant.workspaceId(), ExportState.QUEUED,
                request.segmentId(), request.listId(), definition, columns, queries.count(tenant.workspaceId(), filter), 0,
                null, null, List.of(), false, 0, null, null, tenant.principalId(), now, now, null,
                now.plus(settings.keepFor()));
        store.create(export);
        try {
            queue.send(tenant.workspaceId(), export.id());
        } catch (RuntimeException e) {
            store.failUnheld(tenant.workspaceId(), export.id(), "export-failed", "The export could not be queued.");
            throw e;
        }
        return ExportView.of(export, null);
    }

    ExportView get(TenantContext tenant, String exportId) {
        return view(store.get(tenant.workspaceId(), exportId)
                .orElseThrow(() -> ProblemException.notFound("This workspace has no such export.")));
    }

    Page<ExportView> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant.workspaceId(), page).map(this::view);
    }

    private ExportView view(ContactExport e) {
        if (e.state() != ExportState.COMPLETED) {
            return ExportView.of(e, null);
        }
        Instant expires = Instant.now().plus(settings.downloadUrlExpiry());
        String url = objects.presignDownload(ExportObjects.key(e.workspaceId(), e.id()), settings.downloadUrlExpiry(),
                "contacts-" + e.id() + ".csv").toString();
        return ExportView.of(e, new ExportView.Download(url, expires));
    }
}
