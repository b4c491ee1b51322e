package dev.penguinmails.contacts.imports;

import dev.penguinmails.contacts.suppression.Suppression;
import dev.penguinmails.contacts.suppression.SuppressionService;
import dev.penguinmails.contacts.suppression.SuppressionStore;
import dev.penguinmails.events.contacts.ImportCounts;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of a suppression import: columns {@code email} and/or {@code domain}, or one {@code value} column holding
 * either (an {@code @} makes it an address), and an optional {@code reason} (one of the four a customer may give;
 * empty: the import's default reason, else {@code manual}). Headers are compared without case, spaces and
 * punctuation ({@code E-mail}, {@code Email Address}). Each row adds an entry to the importing workspace's list (source
 * {@code import}), never the platform's; an entry the workspace has already is counted {@code existing} and left as
 * it is, so importing a file again changes nothing. A row repeating an earlier row's address or domain is skipped.
 */
@Singleton
class SuppressionRows {
    static final String SOURCE = "import";
    private static final Map<String, String> HEADERS = Map.of("email", "email", "emailaddress", "email",
            "domain", "domain", "value", "value", "reason", "reason");

    private final SuppressionService service;
    private final SuppressionStore store;

    SuppressionRows(SuppressionService service, SuppressionStore store) {
        this.service = service;
        this.store = store;
    }

    /** A planned row: the entry it adds, from what the row gave. */
    private record Add(Suppression entry, String email, String domain) { }

    ImportRows open(TenantContext tenant, ImportStore imports, ContactImport imp, List<String> header) {
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String field = HEADERS.get(header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
            if (field == null) {
                ignored.add(header.get(i));
                continue;
            }
            Integer before = at.putIfAbsent(field, i);
            if (before != null) {
                throw new FileProblem("duplicate-columns", "Columns " + (before + 1) + " and " + (i + 1) + " are both "
                        + field + "; keep one.");
            }
            columns.put(header.get(i), field);
        }
        if (!at.containsKey("email") && !at.containsKey("domain") && !at.containsKey("value")) {
            throw new FileProblem("no-value-column", "No column is email, domain or value; the header is " + header + ".");
        }
        if (at.containsKey("value") && (at.containsKey("email") || at.containsKey("domain"))) {
            throw new FileProblem("duplicate-columns", "Give a value column, or email and domain columns, not both.");
        }
        Suppression.Reason fallback = imp.defaultReason() == null ? Suppression.Reason.MANUAL
                : Suppression.Reason.given(imp.defaultReason());
        Columns file = new Columns(at, header, fallback);
        return new ImportRows() {
            @Override
            public Map<String, String> columns() {
                return columns;
            }

            @Override
            public List<String> ignored() {
                return ignored;
            }

            @Override
            public Optional<String> seenKey(SourceRow row) {
                if (!row.problems().isEmpty()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(file.entry(tenant, row).entry().id());
                } catch (ProblemException | IllegalArgumentException invalid) {
                    return Optional.empty();
                }
            }

            @Override
            public PlannedBatch plan(List<SourceRow> rows, Map<String, Long> seen) {
                return SuppressionRows.this.plan(tenant, imports, imp, file, rows, seen);
            }
        };
    }

    private ImportRows.PlannedBatch plan(TenantContext tenant, ImportStore imports, ContactImport imp, Columns file,
                                         List<SourceRow> rows, Map<String, Long> seen) {
        List<ImportStore.ReportLine> lines = new ArrayList<>();
        List<Add> candidates = new ArrayList<>();
        long[] failedSkipped = new long[2];
        for (SourceRow row : rows) {
            if (!row.problems().isEmpty()) {
                row.problems().forEach(p -> line(lines, row, "", "the row " + p));
                failedSkipped[0]++;
                continue;
            }
            Add add;
            try {
                add = file.entry(tenant, row);
            } catch (ProblemException invalid) {
                for (FieldError error : invalid.errors()) {
                    line(lines, row, file.header(error.field()), error.message());
                }
                failedSkipped[0]++;
                continue;
            } catch (IllegalArgumentException badReason) {
                line(lines, row, file.header("reason"), badReason.getMessage());
                failedSkipped[0]++;
                continue;
            }
            Long first = seen.putIfAbsent(add.entry().id(), row.row());
            if (first != null) {
                line(lines, row, file.header(add.email() != null ? "email" : "domain"), "repeats the "
                        + add.entry().kind().wire() + " of row " + first + "; the first row of an entry is imported");
                failedSkipped[1]++;
                continue;
            }
            candidates.add(add);
        }
        Set<String> existing = new HashSet<>();
        store.live(tenant, candidates.stream().map(a -> a.entry().id()).toList()).forEach(s -> existing.add(s.id()));
        List<Add> adds = candidates.stream().filter(a -> !existing.contains(a.entry().id())).toList();
        // The store's "updated" counter holds the entries the workspace had already (SuppressionImportView says so).
        ImportCounts counts = new ImportCounts(rows.size(), adds.size(), candidates.size() - adds.size(),
                failedSkipped[1], failedSkipped[0]);
        return new ImportRows.PlannedBatch() {
            @Override
            public ImportCounts counts() {
                return counts;
            }

            @Override
            public void write(Instant reportExpiresAt) {
                // add answers an entry that exists as it is: a batch written again adds nothing twice.
                adds.forEach(a -> service.add(tenant, a.email(), a.domain(), a.entry().reason(), SOURCE, true));
                if (!lines.isEmpty()) {
                    imports.report(tenant, imp.id(), lines, reportExpiresAt);
                }
            }
        };
    }

    private static void line(List<ImportStore.ReportLine> lines, SourceRow row, String column, String reason) {
        int index = (int) lines.stream().filter(l -> l.row() == row.row()).count();
        lines.add(new ImportStore.ReportLine(row.row(), index, column, reason));
    }

    /** Where a file's fields are, and the reason of rows without one. */
    private record Columns(Map<String, Integer> at, List<String> header, Suppression.Reason fallback) {

        /** The header of the column that gave {@code field} ({@code email}, {@code domain}, {@code reason}). */
        String header(String field) {
            Integer i = at.containsKey("value") && !"reason".equals(field) ? at.get("value") : at.get(field);
            return i == null ? "" : header.get(i);
        }

        /**
         * The entry a row adds.
         *
         * @throws ProblemException         a bad or missing address or domain, or both given
         * @throws IllegalArgumentException an unknown reason
         */
        Add entry(TenantContext tenant, SourceRow row) {
            String email = cell(row, "email");
            String domain = cell(row, "domain");
            String value = cell(row, "value");
            if (value != null) {
                if (value.indexOf('@') >= 0) {
                    email = value;
                } else {
                    domain = value;
                }
            }
            if (email == null && domain == null) {
                throw ProblemException.invalid(at.containsKey("email") || at.containsKey("value") ? "email" : "domain",
                        "is empty; every row needs an email address or a domain");
            }
            String reasonCell = cell(row, "reason");
            Suppression.Reason reason = reasonCell == null ? fallback : Suppression.Reason.given(reasonCell);
            return new Add(SuppressionService.draft(tenant, email, domain, reason, SOURCE, true), email, domain);
        }

        private String cell(SourceRow row, String field) {
            Integer i = at.get(field);
            if (i == null || i >= row.cells().size()) {
                return null;
            }
            String cell = row.cells().get(i).strip();
            return cell.isEmpty() ? null : cell;
        }
    }
}
