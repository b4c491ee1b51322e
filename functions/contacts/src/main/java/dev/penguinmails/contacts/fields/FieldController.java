package dev.penguinmails.contacts.fields;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.contacts.model.FieldDefinition;
import dev.penguinmails.contacts.model.FieldType;
import dev.penguinmails.contacts.settings.ContactSettings;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A workspace's custom contact fields: declare (name and type), list, remove. */
@Controller("/v1/workspaces/{workspaceId}/contact-fields")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class FieldController {
    static final ProblemType FIELD_EXISTS =
            ProblemType.of("contact-field-exists", "The workspace has this custom field with another type", 409);
    static final ProblemType TOO_MANY_FIELDS =
            ProblemType.of("contact-field-limit", "The workspace has as many custom fields as it may", 409);

    private final FieldStore store;
    private final ContactSettings settings;

    FieldController(FieldStore store, ContactSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listContactFields", summary = "List the custom contact fields", description = "By name.")
    Page<FieldView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant) {
        return Page.last(store.all(tenant).values().stream().map(FieldView::of).toList());
    }

    @Put("/{fieldName}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "declareContactField", summary = "Declare a custom contact field",
            description = "Contacts may then carry a value of this type under customFields.<name>. Declaring a field "
                    + "again with the same type changes nothing; a field's type cannot change while it exists.")
    @ApiResponse(responseCode = "201", description = "Declared")
    @ApiResponse(responseCode = "200", description = "It was declared already, with this type")
    @ApiResponse(responseCode = "400", description = "validation-failed: the name or type is not acceptable")
    @ApiResponse(responseCode = "409", description = "contact-field-exists (with another type), or contact-field-limit")
    HttpResponse<FieldView> declare(@PathVariable String workspaceId, @PathVariable String fieldName,
                                    @Parameter(hidden = true) TenantContext tenant, @Valid @Body Declare body) {
        String name = check("fieldName", fieldName, FieldDefinition::checkName);
        FieldType type = check("type", body.type(), FieldType::fromWire);
        var existing = store.all(tenant);
        FieldDefinition current = existing.get(name);
        if (current != null) {
            if (current.type() != type) {
                throw new ProblemException(FIELD_EXISTS, "The field " + name + " is " + current.type().wire()
                        + "; remove it first to declare it as " + type.wire() + ".");
            }
            return HttpResponse.ok(FieldView.of(current));
        }
        if (existing.size() >= settings.maxCustomFields()) {
            throw new ProblemException(TOO_MANY_FIELDS, "A workspace may declare at most " + settings.maxCustomFields()
                    + " custom fields; remove one first.");
        }
        FieldDefinition field = new FieldDefinition(name, type, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (!store.create(tenant, field)) {
            return declare(workspaceId, fieldName, tenant, body);
        }
        return HttpResponse.created(FieldView.of(field));
    }

    @Delete("/{fieldName}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "removeContactField", summary = "Remove a custom contact field",
            description = "Contacts keep the values they have (with the type they were written with) until changed; "
                    + "no new value can be set until the field is declared again.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "The workspace has no such field")
    HttpResponse<Void> remove(@PathVariable String workspaceId, @PathVariable String fieldName,
                              @Parameter(hidden = true) TenantContext tenant) {
        if (!FieldDefinition.NAME.matcher(fieldName).matches() || !store.delete(tenant, fieldName)) {
            throw ProblemException.notFound("This workspace has no such custom field.");
        }
        return HttpResponse.noContent();
    }

    private static <T> T check(String field, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    /** PUT .../contact-fields/{name}. */
    @Serdeable
    @Schema(name = "DeclareContactField")
    record Declare(@NotBlank @Pattern(regexp = "^(text|number|date|boolean)$")
                   @Schema(description = "text, number, date (yyyy-MM-dd) or boolean", example = "number") String type) { }

    /** A custom field as the API shows it. */
    @Serdeable
    @Schema(name = "ContactField")
    record FieldView(@Schema(example = "seats") String name, @Schema(example = "number") String type, Instant createdAt) {
        static FieldView of(FieldDefinition f) {
            return new FieldView(f.name(), f.type().wire(), f.createdAt());
        }
    }
}
