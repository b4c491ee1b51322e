package dev.penguinmails.contacts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.penguinmails.contacts.model.Contact;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contact as the API shows it. */
@Serdeable
@Schema(name = "Contact")
public record ContactView(
        @Schema(example = "con_01KBFY3B5C7D9E1F3G5H7J9K1M") String id,
        @Schema(description = "Normalised: the domain lower-case, in punycode if international", example = "Ana.Souza@acme.com") String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String company,
        @Nullable String title,
        @Nullable @Schema(description = "E.164, e.g. +5511987654321") String phone,
        @Nullable @Schema(example = "America/Sao_Paulo") String timezone,
        // Always present, empty or not, so clients need not tell absent from empty.
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> tags,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Each value as the JSON type of its field") Map<String, Object> customFields,
        String source,
        @Schema(description = "active, unsubscribed, bounced or complained; only active contacts are mailed") String status,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static ContactView of(Contact c) {
        Map<String, Object> custom = new LinkedHashMap<>();
        c.customFields().forEach((name, value) -> custom.put(name, value.json()));
        return new ContactView(c.id(), c.email(), c.firstName(), c.lastName(), c.company(), c.title(), c.phone(),
                c.timezone(), c.tags(), custom, c.source(), c.status().wire(), c.createdAt(), c.updatedAt(), c.version());
    }
}
