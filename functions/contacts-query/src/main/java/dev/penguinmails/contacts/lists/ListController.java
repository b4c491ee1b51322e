package dev.penguinmails.contacts.lists;

import static dev.penguinmails.shared.auth.Permission.CONTACTS_READ;
import static dev.penguinmails.shared.auth.Permission.CONTACTS_WRITE;

import dev.penguinmails.contacts.segments.Condition;
import dev.penguinmails.contacts.segments.SegmentCompiler;
import dev.penguinmails.contacts.segments.SegmentQueries;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static lists: create, rename, delete, add and remove contacts by id, page through members. The contacts table
 * holds them; each change is then written through to the query model, where segments test membership
 * (decision 0036).
 */
@Controller("/v1/workspaces/{workspaceId}/lists")
@Tag(name = "Lists")
@SecurityRequirement(name = "bearer")
class ListController {
    private final ListStore store;
    private final ListRows rows;
    private final SegmentQueries queries;

    ListController(ListStore store, ListRows rows, SegmentQueries queries) {
        this.store = store;
        this.rows = rows;
        this.queries = queries;
    }

    @Post
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "createList", summary = "Create a static list")
    @ApiResponse(responseCode = "201", description = "Created")
    HttpResponse<ContactList> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                     @Valid @Body SaveList body) {
        ContactList list = new ContactList(Ids.newId("lst"), body.name().trim(), Instant.now());
        store.put(tenant, list);
        rows.put(workspaceId, list);
        return HttpResponse.created(list, URI.create("/v1/workspaces/" + workspaceId + "/lists/" + list.id()));
    }

    @Get
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listLists", summary = "List the static lists")
    Page<ContactList> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                           @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                           @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return store.list(tenant, PageRequest.of(limit, cursor));
    }

    @Get("/{listId}")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "getList", summary = "Read a static list")
    @ApiResponse(responseCode = "404", description = "The workspace has no such list")
    ContactList get(@PathVariable String workspaceId, @PathVariable String listId,
                    @Parameter(hidden = true) TenantContext tenant) {
        return existing(tenant, listId);
    }

    @Patch("/{listId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "renameList", summary = "Rename a static list")
    @ApiResponse(responseCode = "404", description = "The workspace has no such list")
    ContactList rename(@PathVariable String workspaceId, @PathVariable String listId,
                       @Parameter(hidden = true) TenantContext tenant, @Valid @Body SaveList body) {
        ContactList renamed = new ContactList(listId, body.name().trim(), existing(tenant, listId).createdAt());
        store.put(tenant, renamed);
        rows.put(workspaceId, renamed);
        return renamed;
    }

    @Delete("/{listId}")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "deleteList", summary = "Delete a static list",
            description = "The contacts stay; only the list and its memberships go. Segments naming it then match no one.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "The workspace has no such list")
    HttpResponse<Void> delete(@PathVariable String workspaceId, @PathVariable String listId,
                              @Parameter(hidden = true) TenantContext tenant) {
        if (!store.delete(tenant, listId)) {
            throw notFound();
        }
        rows.delete(workspaceId, listId);
        return HttpResponse.noContent();
    }

    @Get("/{listId}/members")
    @RequiresPermission(CONTACTS_READ)
    @Operation(operationId = "listListMembers", summary = "The live contacts of a list, by id")
    @ApiResponse(responseCode = "404", description = "The workspace has no such list")
    Page<SegmentQueries.Member> members(@PathVariable String workspaceId, @PathVariable String listId,
                                        @Parameter(hidden = true) TenantContext tenant,
                                        @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                                        @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        existing(tenant, listId);
        Condition inList = new Condition("all", List.of(new Condition(null, null, "list", "in_list", listId, null)),
                null, null, null, null);
        return queries.page(workspaceId, SegmentCompiler.compile(inList, Map.of()), "list|" + workspaceId + "|" + listId,
                PageRequest.of(limit, cursor));
    }

    @Post("/{listId}/members")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "addListMembers", summary = "Add contacts to a list",
            description = "Up to 1000 contact ids; adding a member again changes nothing. Ids that are not live contacts "
                    + "of the workspace fail the whole request, each named.")
    @ApiResponse(responseCode = "204", description = "Added")
    @ApiResponse(responseCode = "400", description = "validation-failed: the ids that are not contacts")
    @ApiResponse(responseCode = "404", description = "The workspace has no such list")
    HttpResponse<Void> add(@PathVariable String workspaceId, @PathVariable String listId,
                           @Parameter(hidden = true) TenantContext tenant, @Valid @Body Members body) {
        existing(tenant, listId);
        Set<String> missing = store.notContacts(tenant, body.contactIds());
        if (!missing.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < body.contactIds().size(); i++) {
                if (missing.contains(body.contactIds().get(i))) {
                    errors.add(new FieldError("contactIds[" + i + "]", "the workspace has no such contact"));
                }
            }
            throw ProblemException.invalid(errors);
        }
        List<String> ids = body.contactIds().stream().distinct().toList();
        store.writeMembers(tenant, listId, ids, true);
        rows.add(workspaceId, listId, ids);
        return HttpResponse.noContent();
    }

    @Post("/{listId}/members/remove")
    @RequiresPermission(CONTACTS_WRITE)
    @Operation(operationId = "removeListMembers", summary = "Remove contacts from a list",
            description = "Up to 1000 contact ids; ids that are not members are ignored.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "The workspace has no such list")
    HttpResponse<Void> remove(@PathVariable String workspaceId, @PathVariable String listId,
                              @Parameter(hidden = true) TenantContext tenant, @Valid @Body Members body) {
        existing(tenant, listId);
        List<String> ids = body.contactIds().stream().distinct().toList();
        store.writeMembers(tenant, listId, ids, false);
        rows.remove(workspaceId, listId, ids);
        return HttpResponse.noContent();
    }

    private ContactList existing(TenantContext tenant, String listId) {
        return store.get(tenant, listId).orElseThrow(ListController::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such list.");
    }

    /** POST .../lists and PATCH .../lists/{listId}. */
    @Serdeable
    @Schema(name = "SaveList")
    record SaveList(@NotBlank @Size(max = 200) @Schema(example = "Webinar attendees") String name) { }

    /** POST .../lists/{listId}/members and .../members/remove. */
    @Serdeable
    @Schema(name = "ListMembers")
    record Members(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 64) String> contactIds) { }
}
