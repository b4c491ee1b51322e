package dev.penguinmails.identity.invitations;

import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Accepting an invitation, by the token from its email. */
@Controller("/v1/invitations")
@Tag(name = "Invitations")
class InvitationAcceptController {
    private final InvitationService service;

    InvitationAcceptController(InvitationService service) {
        this.service = service;
    }

    @Post("/accept")
    @PublicEndpoint
    @IdempotencyExempt
    // Either signed in or not: an empty requirement beside bearer declares the token optional.
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "")
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
            description = "Signed in (Authorization: Bearer <access token> of the invited address): send {token}. "
                    + "New to PenguinMails: send {token, name, password} without Authorization; this creates your "
                    + "account, its address verified by the invitation, and you sign in with POST /v1/auth/login.")
    @ApiResponse(responseCode = "400", description = "invalid-token (expired, used, revoked or altered), or bad fields")
    @ApiResponse(responseCode = "403", description = "invitation-email-mismatch: signed in with another address")
    @ApiResponse(responseCode = "409", description = "account-exists: sign in and accept with your access token; plan-limit: the workspace has no free seat")
    InvitationView.Accepted accept(@Valid @Body InvitationRequests.Accept body, @Nullable Principal principal,
                                   HttpRequest<?> request) {
        boolean sentCredentials = request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
        return service.accept(body, principal, sentCredentials, request);
    }
}
