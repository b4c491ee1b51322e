package dev.penguinmails.contacts.imports;

import dev.penguinmails.contacts.suppression.Suppression;
import dev.penguinmails.contacts.suppression.SuppressionStore;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The workspace's suppression list as a CSV ({@code type,value,reason,source,createdAt}) in the exports bucket,
 * answered as a presigned GET (docs/decisions/0039): written within the request, a query page at a time through a
 * temporary file, so its size is not bound by what a Lambda response carries. {@code type} is {@code email},
 * {@code domain}, or {@code hashed} for an entry that kept only its address's hash (after an erasure), whose value is
 * that hash. Platform-wide entries are configuration and are not listed, as the list route does not list them.
 * Cells a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
@Singleton
class SuppressionExports {
    static final String ID_PREFIX = "sexp";

    private final SuppressionStore store;
    private final ImportObjects objects;
    private final ImportSettings settings;

    SuppressionExports(SuppressionStore store, ImportObjects objects, ImportSettings settings) {
        this.store = store;
        this.objects = objects;
        this.settings = settings;
    }

    Exported export(TenantContext tenant) {
        String id = Ids.newId(ID_PREFIX);
        return CsvFiles.write("suppressions-", new String[] {"type", "value", "reason", "source", "createdAt"},
                rows -> store.forEachLive(tenant, s -> rows.row(type(s), CsvFiles.escape(value(s)), s.reason().wire(),
                        CsvFiles.escape(s.source()), s.createdAt().toString())),
                (file, entries) -> {
                    String key = ImportObjects.suppressionExportKey(tenant.workspaceId(), id);
                    objects.putExport(tenant, key, file, CsvFiles.CONTENT_TYPE);
                    Instant expires = Instant.now().plus(settings.exportUrlExpiry());
                    String url = objects.presignExport(key, settings.exportUrlExpiry(), "suppressions-" + id + ".csv")
                            .toString();
                    return new Exported(url, expires, entries);
                });
    }

    private static String type(Suppression s) {
        if (s.kind() == Suppression.Kind.DOMAIN) {
            return "domain";
        }
        return s.email() == null ? "hashed" : "email";
    }

    private static String value(Suppression s) {
        if (s.kind() == Suppression.Kind.DOMAIN) {
            return s.domain();
        }
        return s.email() == null ? s.emailHash() : s.email();
    }

    /** Where to download the export, until when, and how many entries it has. */
    @Serdeable
    @Schema(name = "SuppressionExport")
    record Exported(@Schema(description = "Presigned S3 URL of a CSV: type, value, reason, source, createdAt") String url,
                    Instant expiresAt,
                    @Schema(description = "Entries in the file") long entries) { }
}
