package dev.penguinmails.contacts.bulk;

import dev.penguinmails.contacts.segments.Condition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** POST .../contact-bulk-operations: an action and exactly one target. */
@Serdeable
@Schema(name = "CreateContactBulkOperation", description = "An action and exactly one of segmentId, definition and contactIds")
record BulkRequest(
        @Nullable @Schema(description = "tag, untag, add_to_list, remove_from_list or delete", example = "tag")
        String action,
        @Nullable @Schema(description = "For tag and untag: the tags (as contacts take them)", example = "[\"webinar\"]")
        List<String> tags,
        @Nullable @Schema(description = "For add_to_list and remove_from_list: the list", example = "lst_01KBHY3B5C7D9E1F3G5H7J9K1M")
        String listId,
        @Nullable @Schema(description = "A saved segment: the contacts its definition matches now", example = "seg_01KBHY3B5C7D9E1F3G5H7J9K1M")
        String segmentId,
        @Nullable @Schema(type = "object", description = "An unsaved segment definition, as POST .../segments/preview takes")
        Condition definition,
        @Nullable @Schema(description = "A selection of contact ids (at most 10,000); ids that are not live contacts of "
                + "the workspace are left out of matched")
        List<String> contactIds) { }
