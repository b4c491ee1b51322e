package dev.penguinmails.identity.apikeys;

import static dev.penguinmails.shared.auth.Permission.API_KEYS_MANAGE;

import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;

/** Workspace API keys: list, create (shown once), revoke. Admins and owners; people only. */
@Controller("/v1/workspaces/{workspaceId}/api-keys")
@Tag(name = "API keys")
@SecurityRequirement(name = "bearer")
class ApiKeyController {
    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @Get
    @RequiresPermission(API_KEYS_MANAGE)
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Newest first, with status and last-used time; never the secret.")
    Page<ApiKeyView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                          @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor));
    }

    @Post
    @RequiresPermission(API_KEYS_MANAGE)
    @IdempotencyExempt
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The response holds the whole key, once. Send it as 'Authorization: Bearer <key>'. Scopes "
                    + "must be within your own role. Needs a verified email address. Idempotency-Key is ignored here: "
                    + "the key is never stored to be replayed.")
    @ApiResponse(responseCode = "201", description = "Created; the key is in the body, this once")
    @ApiResponse(responseCode = "403", description = "forbidden (scopes beyond your role) or email-not-verified")
    HttpResponse<ApiKeyView.Created> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                            Principal principal, @Valid @Body ApiKeyRequests.Create body,
                                            HttpRequest<?> request) {
        ApiKeyView.Created created = service.create(tenant, principal, body.name(), body.scopes(), body.expiresAt(),
                body.rateLimitPerMinute(), request);
        return HttpResponse.created(created,
                URI.create("/v1/workspaces/" + workspaceId + "/api-keys/" + created.apiKey().id()));
    }

    @Delete("/{keyId}")
    @RequiresPermission(API_KEYS_MANAGE)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "It stops working at once. Revoking twice is harmless.")
    ApiKeyView revoke(@PathVariable String workspaceId, @PathVariable String keyId,
                      @Parameter(hidden = true) TenantContext tenant, Principal principal, HttpRequest<?> request) {
        return service.revoke(tenant, principal, keyId, request);
    }
}
