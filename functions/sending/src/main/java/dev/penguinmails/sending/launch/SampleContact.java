package dev.penguinmails.sending.launch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A contact to render for: its fields by template name ({@code email}, {@code first_name}, {@code last_name},
 * {@code company}, {@code title}, {@code phone}, {@code timezone}) and its custom fields.
 */
@Serdeable
@Schema(name = "SampleContact")
public record SampleContact(
        @Nullable @Size(max = 64) @Schema(description = "Seeds the contact's choices (variant, spintax); default: the email") String id,
        @Nullable @Size(max = 50) @Schema(example = "{\"email\":\"ana@acme.io\",\"first_name\":\"Ana\"}") Map<String, String> fields,
        @Nullable @Size(max = 100) @Schema(description = "Custom fields, used as custom.<name>") Map<String, Object> custom) {

    public SampleContact {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    /** What seeds this contact's choices. */
    public String key() {
        return id != null ? id : fields.getOrDefault("email", "sample").trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Two contacts every campaign is rendered for before launch: one with every field, one with only an email. */
    public static java.util.List<SampleContact> builtIn() {
        return java.util.List.of(
                new SampleContact("sample-full", Map.of("email", "ana.souza@example.io", "first_name", "Ana",
                        "last_name", "Souza", "company", "Acme", "title", "Head of Sales", "phone", "+5511987654321",
                        "timezone", "America/Sao_Paulo"), Map.of()),
                new SampleContact("sample-sparse", Map.of("email", "info@example.io"), Map.of()));
    }
}
