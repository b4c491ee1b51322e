package dev.penguinmails.contacts.segments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A segment's definition: a group ({@code match} all or any of its {@code rules}) or a rule ({@code field},
 * {@code op}, and {@code value} or {@code values}). Groups nest; see docs/contacts/README.md for the grammar.
 */
@Serdeable
@Schema(name = "SegmentCondition", description = "A group (match + rules) or a rule (field + op + value/values)")
public record Condition(
        @Nullable @Schema(description = "A group: all (AND) or any (OR) of its rules", example = "all") String match,
        @Nullable @Schema(description = "A group's rules and nested groups") List<Condition> rules,
        @Nullable @Schema(description = "A rule's field: email, domain, firstName, lastName, company, title, status, "
                + "source, timezone, createdAt, updatedAt, tags, list, or custom.<name>", example = "tags") String field,
        @Nullable @Schema(description = "A rule's operator (eq, neq, contains, starts_with, in, gt, gte, lt, lte, between, "
                + "is_empty, is_not_empty, has_any, has_all, has_none, in_list, not_in_list)", example = "has_any") String op,
        @Nullable @Schema(description = "A rule's operand (string, number or boolean)") Object value,
        @Nullable @Schema(description = "A rule's operands: in, has_any/all/none, between (two)") List<Object> values) {

    /** Whether this is a group rather than a rule. */
    boolean group() {
        return match != null || rules != null;
    }
}
