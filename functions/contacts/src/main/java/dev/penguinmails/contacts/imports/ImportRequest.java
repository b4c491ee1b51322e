package dev.penguinmails.contacts.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** POST .../contact-imports: the file to come, and how its rows become contacts. */
@Serdeable
@Schema(name = "CreateContactImport")
public record ImportRequest(
        @NotBlank @Size(max = 10) @Schema(description = "csv or xlsx", example = "csv") String format,
        @NotNull @Schema(description = "The file's exact size in bytes; the upload URL is signed for it. At most "
                + "104857600 (100 MiB) for CSV, 52428800 (50 MiB) for XLSX", example = "48213") Long sizeBytes,
        @Nullable @Size(max = 200) @Schema(description = "The file's name, kept to tell imports apart",
                example = "leads-december.csv") String fileName,
        @Nullable @Size(max = 10) @Schema(description = "What a row does whose address the workspace has already: skip "
                + "(default) leaves the contact, update fills its empty fields, overwrite sets every field the row "
                + "gives", example = "update") String dedupe,
        @Nullable @Size(max = 200) @Schema(description = "Header → field (email, firstName, lastName, company, title, "
                + "phone, timezone, tags, customFields.<declared name>, or ignore). Without it, fields are suggested "
                + "from the headers") Map<String, String> mapping,
        @Nullable @Size(max = 31) @Schema(description = "XLSX only: the sheet to read (default the first)",
                example = "Leads") String sheet,
        @Nullable @Schema(description = "Also fail rows whose domain does not exist or takes no mail (no MX record "
                + "and no address, or a null MX), asking DNS once per domain; an unanswered lookup fails no row. "
                + "Default false", example = "true") Boolean checkMx,
        @Nullable @Schema(description = "A static list of the workspace to put the import's contacts in: those "
                + "it created or updated and those it found already holding a row's address (decision 0041)",
                example = "lst_01KBHY3B5C7D9E1F3G5H7J9K1M") String listId,
        @Nullable @Size(max = 100) @Schema(description = "Instead of listId: the name of a new list, created now, "
                + "to put the import's contacts in", example = "December webinar") String listName) { }
