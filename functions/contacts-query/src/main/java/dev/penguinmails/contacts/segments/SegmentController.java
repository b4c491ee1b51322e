package dev.penguinmails.contacts.segments;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Dynamic segments: saved rules over contacts, evaluated on the query model whenever asked. */
@Controller("/v1/workspaces/{workspaceId}/segments")
@Tag(name = "Segments")
@SecurityRequirement(name = "bearer")
class SegmentController {
    private static final int DEFAULT_SAMPLE = 10;
    private final SegmentStore store;
    private final SegmentQueries queries;
    private final DeclaredFields fields;

    SegmentController(SegmentStore store, SegmentQueries queries, DeclaredFields fields) {
        this.store = store;
        this.queries = queries;
        this.fields = fields;
    }

    @Post
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "createSegment", summary = "Save a segment",
            description = "Rules over fields, custom fields (typed by their declaration), tags and list membership, in "
                    + "nested all/any groups. Every bad rule is named by its path in the 400.")
    @ApiResponse(responseCode = "201", description = "Saved")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad rule by its path")
    HttpResponse<SegmentView> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                     @Valid @Body SaveSegment body) {
        SegmentCompiler.compile(body.definition(), fields.types(tenant));
        Instant now = Instant.now();
        Segment segment = new Segment(Ids.newId("seg"), body.name().trim(), body.definition(), now, now);
        store.put(tenant, segment);
        return HttpResponse.created(SegmentView.of(segment),
                URI.create("/v1/workspaces/" + workspaceId + "/segments/" + segment.id()));
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listSegments", summary = "List the saved segments")
    Page<SegmentView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                           @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                           @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return store.list(tenant, PageRequest.of(limit, cursor)).map(SegmentView::of);
    }

    @Post("/preview")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "previewSegment", summary = "Count and sample an unsaved definition",
            description = "How many live contacts match now, and the first sampleSize of them by id.")
    @ApiResponse(responseCode = "200", description = "The count and a sample")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad rule by its path")
    Preview preview(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                    @Valid @Body PreviewRequest body) {
        CompiledSegment compiled = SegmentCompiler.compile(body.definition(), fields.types(tenant));
        int sample = body.sampleSize() == null ? DEFAULT_SAMPLE : body.sampleSize();
        return new Preview(queries.count(workspaceId, compiled),
                sample == 0 ? List.of() : queries.page(workspaceId, compiled, null, sample));
    }

    @Get("/{segmentId}")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getSegment", summary = "Read a segment")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment")
    SegmentView get(@PathVariable String workspaceId, @PathVariable String segmentId,
                    @Parameter(hidden = true) TenantContext tenant) {
        return SegmentView.of(segment(tenant, segmentId));
    }

    @Put("/{segmentId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "replaceSegment", summary = "Rename a segment or replace its definition")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad rule by its path")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment")
    SegmentView replace(@PathVariable String workspaceId, @PathVariable String segmentId,
                        @Parameter(hidden = true) TenantContext tenant, @Valid @Body SaveSegment body) {
        Segment current = segment(tenant, segmentId);
        SegmentCompiler.compile(body.definition(), fields.types(tenant));
        Segment next = new Segment(current.id(), body.name().trim(), body.definition(), current.createdAt(), Instant.now());
        store.put(tenant, next);
        return SegmentView.of(next);
    }

    @Delete("/{segmentId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "deleteSegment", summary = "Delete a segment")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment")
    HttpResponse<Void> delete(@PathVariable String workspaceId, @PathVariable String segmentId,
                              @Parameter(hidden = true) TenantContext tenant) {
        if (!store.delete(tenant, segmentId)) {
            throw notFound();
        }
        return HttpResponse.noContent();
    }

    @Get("/{segmentId}/count")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "countSegment", summary = "Count the contacts a segment matches now")
    @ApiResponse(responseCode = "400", description = "segment-invalid: a custom field it names was removed or retyped")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment")
    Count count(@PathVariable String workspaceId, @PathVariable String segmentId,
                @Parameter(hidden = true) TenantContext tenant) {
        return new Count(queries.count(workspaceId, compiled(tenant, segmentId)));
    }

    @Get("/{segmentId}/contacts")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listSegmentContacts", summary = "The contacts a segment matches now, by id")
    @ApiResponse(responseCode = "404", description = "The workspace has no such segment")
    Page<SegmentQueries.Member> contacts(@PathVariable String workspaceId, @PathVariable String segmentId,
                              @Parameter(hidden = true) TenantContext tenant,
                              @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                              @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return queries.page(workspaceId, compiled(tenant, segmentId), "segment|" + workspaceId + "|" + segmentId,
                PageRequest.of(limit, cursor));
    }

    private CompiledSegment compiled(TenantContext tenant, String segmentId) {
        return SegmentCompiler.compile(segment(tenant, segmentId).definition(), fields.types(tenant));
    }

    private Segment segment(TenantContext tenant, String segmentId) {
        return store.get(tenant, segmentId).orElseThrow(SegmentController::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such segment.");
    }

    /** POST and PUT .../segments. */
    @Serdeable
    @Schema(name = "SaveSegment")
    record SaveSegment(@NotBlank @Size(max = 200) @Schema(example = "Q4 leads in retail") String name,
                       @NotNull Condition definition) { }

    /** POST .../segments/preview. */
    @Serdeable
    @Schema(name = "PreviewSegment")
    record PreviewRequest(@NotNull Condition definition,
                          @Nullable @Min(0) @Max(100) @Schema(description = "How many matching contacts to return (default 10)")
                          Integer sampleSize) { }

    /** A saved segment. */
    @Serdeable
    @Schema(name = "Segment")
    record SegmentView(String id, String name, Condition definition, Instant createdAt, Instant updatedAt) {
        static SegmentView of(Segment s) {
            return new SegmentView(s.id(), s.name(), s.definition(), s.createdAt(), s.updatedAt());
        }
    }

    /** The answer of a preview. */
    @Serdeable
    @Schema(name = "SegmentPreview")
    record Preview(long count, List<SegmentQueries.Member> sample) { }

    /** The answer of a count. */
    @Serdeable
    @Schema(name = "SegmentCount")
    record Count(long count) { }
}
