package dev.penguinmails.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the workspace endpoints. */
public final class WorkspaceRequests {
    /**
     * Printable text: no control characters (they break emails and logs). Written so that Java and ECMA-262
     * (the dialect of OpenAPI patterns and of JavaScript clients) read it alike: anchored, no Java-only classes.
     */
    static final String PRINTABLE = "^[^\\x00-\\x1F\\x7F]*$";

    private WorkspaceRequests() { }

    /** POST /v1/workspaces. */
    @Serdeable
    @Schema(name = "CreateWorkspace")
    public record Create(
            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "must not contain control characters")
            @Schema(example = "Acme outbound") String name) { }

    /** PATCH /v1/workspaces/{workspaceId}. */
    @Serdeable
    @Schema(name = "UpdateWorkspace")
    public record Update(
            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "must not contain control characters")
            @Schema(example = "Acme outbound EU") String name) { }
}
