package dev.penguinmails.contacts.exports;

import dev.penguinmails.contacts.segments.Condition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** POST .../contact-exports: at most one filter (none exports every contact), and optionally the columns. */
@Serdeable
@Schema(name = "CreateContactExport", description = "At most one of segmentId, listId and definition; none exports "
        + "every live contact")
record ExportRequest(
        @Nullable @Schema(description = "A saved segment: its definition as it is now", example = "seg_01KBHY3B5C7D9E1F3G5H7J9K1M")
        String segmentId,
        @Nullable @Schema(description = "A static list: its live members", example = "lst_01KBHY3B5C7D9E1F3G5H7J9K1M")
        String listId,
        @Nullable @Schema(type = "object", description = "An unsaved segment definition, as POST .../segments/preview takes")
        Condition definition,
        @Nullable @Schema(description = "The columns in order: id, email, firstName, lastName, company, title, phone, "
                + "timezone, tags, status, source, createdAt, updatedAt, or custom.<declared field>; default all of "
                + "them, then every declared custom field by name", example = "[\"email\", \"firstName\", \"custom.seats\"]")
        List<String> columns) { }
