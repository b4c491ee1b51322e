package dev.penguinmails.contacts.imports;

import dev.penguinmails.contacts.fields.FieldStore;
import dev.penguinmails.contacts.suppression.Suppression;
import dev.penguinmails.events.contacts.ImportCounts;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starting imports and reading them. Starting checks the request (format, size within the limit, dedupe mode, a
 * mapping onto known fields and declared custom fields), keeps the import and answers a presigned PUT for its file;
 * S3's event of the upload then starts the worker.
 */
@Singleton
class ImportService {
    private final ImportStore store;
    private final ImportObjects objects;
    private final FieldStore fields;
    private final ImportSettings settings;
    private final ImportLists lists;

    ImportService(ImportStore store, ImportObjects objects, FieldStore fields, ImportSettings settings, ImportLists lists) {
        this.lists = lists;
        this.store = store;
        this.objects = objects;
        this.fields = fields;
        this.settings = settings;
    }

    ImportView.Created start(TenantContext tenant, ImportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ImportFormat format = parse(errors, "format", () -> ImportFormat.fromWire(request.format()));
        DedupeMode dedupe = request.dedupe() == null ? DedupeMode.SKIP
                : parse(errors, "dedupe", () -> DedupeMode.fromWire(request.dedupe()));
        Map<String, String> mapping = mapping(tenant, request.mapping(), errors);
        if (request.sizeBytes() == null || request.sizeBytes() < 1) {
            errors.add(new FieldError("sizeBytes", "must be the file's size in bytes, at least 1"));
        }
        if (request.sheet() != null && format == ImportFormat.CSV) {
            errors.add(new FieldError("sheet", "is for xlsx imports only"));
        }
        String listName = blankToNull(request.listName());
        if (request.listId() != null && request.listName() != null) {
            errors.add(new FieldError("listId", "give at most one of listId and listName"));
        } else if (request.listName() != null && (listName == null || listName.length() > 100)) {
            errors.add(new FieldError("listName", "a list's name is 1 to 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (request.listId() != null && !lists.exists(tenant, request.listId())) {
            throw ProblemException.notFound("This workspace has no such list.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContactImport imp = new ContactImport(tenant.workspaceId(), Ids.newId(ImportKind.CONTACTS.idPrefix()), format,
                dedupe, Boolean.TRUE.equals(request.checkMx()), blankToNull(request.fileName()),
                blankToNull(request.sheet()), mapping, request.sizeBytes(),
                ImportState.AWAITING_UPLOAD, ContactImport.NONE, 0, Map.of(), List.of(), false, null, null, null, null,
                tenant.principalId(), now, null, null, null);
        ImportView.Upload upload = open(tenant, imp, now);
        String listId = request.listId() != null ? request.listId() : listName == null ? null : lists.create(tenant, listName);
        if (listId != null) {
            lists.attach(tenant, imp.id(), listId);
        }
        return new ImportView.Created(ImportView.of(imp), upload, listId);
    }

    /**
     * Starts a suppression import: CSV only, within its own size limit, with the reason of rows that give none
     * (one of the four a customer may give; {@code manual} if not given).
     */
    SuppressionImportView.Created startSuppressions(TenantContext tenant, SuppressionImportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ImportFormat format = parse(errors, "format", () -> ImportFormat.fromWire(request.format()));
        if (format == ImportFormat.XLSX) {
            errors.add(new FieldError("format", "must be csv: a suppression list is imported from CSV only"));
        }
        Suppression.Reason reason = request.defaultReason() == null ? null
                : parse(errors, "defaultReason", () -> Suppression.Reason.given(request.defaultReason()));
        if (request.sizeBytes() == null || request.sizeBytes() < 1) {
            errors.add(new FieldError("sizeBytes", "must be the file's size in bytes, at least 1"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContactImport imp = new ContactImport(tenant.workspaceId(), Ids.newId(ImportKind.SUPPRESSIONS.idPrefix()),
                format, DedupeMode.SKIP, false, blankToNull(request.fileName()), null, Map.of(), request.sizeBytes(),
                ImportState.AWAITING_UPLOAD, ContactImport.NONE, 0, Map.of(), List.of(), false, null, null, null, null,
                tenant.principalId(), now, null, null, reason == null ? null : reason.wire());
        ImportView.Upload upload = open(tenant, imp, now);
        return new SuppressionImportView.Created(SuppressionImportView.of(imp), upload);
    }

    /** Keeps the import, within the size limit of its kind, and answers where to PUT its file. */
    private ImportView.Upload open(TenantContext tenant, ContactImport imp, Instant now) {
        long max = settings.maxBytes(imp.kind(), imp.format());
        if (imp.declaredBytes() > max) {
            throw ImportProblems.tooLarge(imp.format(), imp.declaredBytes(), max);
        }
        store.create(tenant, imp, now.plus(settings.keepFor()));
        String key = ImportObjects.uploadKey(tenant.workspaceId(), imp.id(), imp.format());
        String url = objects.presignUpload(key, imp.format(), imp.declaredBytes(), settings.uploadUrlExpiry()).toString();
        return new ImportView.Upload(url, "PUT", Map.of("Content-Type", imp.format().contentType()),
                now.plus(settings.uploadUrlExpiry()));
    }

    /** The workspace's import of {@code kind} with that id; 404 for an id of another kind or workspace. */
    ContactImport get(TenantContext tenant, ImportKind kind, String id) {
        if (!Ids.isValid(id, kind.idPrefix())) {
            throw ImportProblems.notFound();
        }
        return store.get(tenant, id).orElseThrow(ImportProblems::notFound);
    }

    Page<ContactImport> list(TenantContext tenant, ImportKind kind, PageRequest page) {
        return store.list(tenant, kind, page);
    }

    ImportView.Report report(TenantContext tenant, ImportKind kind, String id) {
        ContactImport imp = get(tenant, kind, id);
        if (imp.reportKey() == null || !imp.state().finished()) {
            throw ImportProblems.noReport(imp);
        }
        Instant expires = Instant.now().plus(settings.reportUrlExpiry());
        return new ImportView.Report(objects.presignDownload(imp.reportKey(), settings.reportUrlExpiry(),
                imp.id() + "-errors.csv").toString(), expires);
    }

    /** The explicit mapping, its fields checked against the known ones and the declared custom fields. */
    private Map<String, String> mapping(TenantContext tenant, Map<String, String> given, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        Set<String> declared = fields.all(tenant).keySet();
        Map<String, String> mapping = new LinkedHashMap<>();
        given.forEach((column, field) -> {
            String header = column == null ? "" : column.strip();
            if (header.isEmpty() || header.length() > 200) {
                errors.add(new FieldError("mapping", "a header is 1 to 200 characters"));
            } else if (field == null || !ColumnMapping.valid(field.strip(), declared)) {
                errors.add(new FieldError("mapping." + header, "must be one of " + ColumnMapping.FIELD_LIST
                        + ", customFields.<a declared custom field> or ignore"));
            } else {
                mapping.put(header, field.strip());
            }
        });
        if (errors.isEmpty() && !mapping.containsValue("email")) {
            errors.add(new FieldError("mapping", "must map a column to email"));
        }
        return mapping;
    }

    private static <T> T parse(List<FieldError> errors, String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ImportCounts counts(ContactImport imp) {
        return imp.counts();
    }
}
