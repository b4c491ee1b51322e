package dev.penguinmails.contacts.catalog;

import dev.penguinmails.contacts.model.ContactInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies of the contact endpoints; {@link dev.penguinmails.contacts.model.ContactFields} normalises them. */
public final class ContactRequests {
    private static final String CUSTOM = "Values of the workspace's declared custom fields (PUT .../contact-fields/{name}),"
            + " each a JSON value of its field's type: text a string, number a number, date a string yyyy-MM-dd, "
            + "boolean true or false";

    private ContactRequests() { }

    /** POST .../contacts. */
    @Serdeable
    @Schema(name = "CreateContact")
    public record Create(
            @NotBlank @Size(max = 320) @Schema(description = "Trimmed; the domain is lower-cased and international "
                    + "domains become punycode. Unique in the workspace without regard to case",
                    example = "Ana.Souza@acme.com") String email,
            @Nullable @Size(max = 300) @Schema(example = "Ana") String firstName,
            @Nullable @Size(max = 300) @Schema(example = "Souza") String lastName,
            @Nullable @Size(max = 600) @Schema(example = "Acme") String company,
            @Nullable @Size(max = 600) @Schema(example = "Head of Sales") String title,
            @Nullable @Size(max = 100) @Schema(description = "Any common format; kept in E.164. Without a country code "
                    + "it is read in the configured default region", example = "+55 11 98765-4321") String phone,
            @Nullable @Size(max = 100) @Schema(description = "IANA time zone name", example = "America/Sao_Paulo") String timezone,
            @Nullable @Size(max = 1000) @Schema(description = "Trimmed, lower-cased, without duplicates", example = "[\"lead\"]") List<String> tags,
            @Nullable @Size(max = 1000) @Schema(description = CUSTOM) Map<String, Object> customFields,
            @Nullable @Size(max = 100) @Schema(description = "Where the contact came from (default api)", example = "manual") String source,
            @Nullable @Size(max = 20) @Schema(description = "active (default), unsubscribed, bounced or complained") String status) {

        ContactInput input() {
            return new ContactInput(email, firstName, lastName, company, title, phone, timezone, tags, customFields,
                    source, status);
        }
    }

    /** PATCH .../contacts/{id}: only what is given changes; an empty string clears a text, null a custom field. */
    @Serdeable
    @Schema(name = "UpdateContact")
    public record Update(@Nullable @Size(max = 320) String email,
                         @Nullable @Size(max = 300) String firstName,
                         @Nullable @Size(max = 300) String lastName,
                         @Nullable @Size(max = 600) String company,
                         @Nullable @Size(max = 600) String title,
                         @Nullable @Size(max = 100) String phone,
                         @Nullable @Size(max = 100) String timezone,
                         @Nullable @Size(max = 1000) @Schema(description = "Replaces the tags") List<String> tags,
                         @Nullable @Size(max = 1000) @Schema(description = CUSTOM + "; null removes a value") Map<String, Object> customFields,
                         @Nullable @Size(max = 20) @Schema(description = "active, unsubscribed, bounced or complained") String status) {

        ContactInput input() {
            return new ContactInput(email, firstName, lastName, company, title, phone, timezone, tags, customFields,
                    null, status);
        }
    }
}
