package dev.penguinmails.identity.sessions;

import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.problems.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/** {@code GET /v1/me/sessions} and {@code DELETE /v1/me/sessions/{sessionId}}. */
@Controller("/v1/me/sessions")
@Tag(name = "Sessions")
public class SessionsController {
    private final SessionStore sessions;
    private final AccountAudit audit;

    public SessionsController(SessionStore sessions, AccountAudit audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSessions", summary = "Your active sessions", description = "Every device signed in to your account, most recently used first.")
    @ApiResponse(responseCode = "200", description = "The sessions", content = @Content(schema = @Schema(implementation = SessionList.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionList list(@Parameter(hidden = true) Principal principal) {
        String userId = principal.requireUser();
        return new SessionList(sessions.active(userId).stream()
                .map(s -> SessionView.of(s, principal.sessionId())).toList());
    }

    @Delete("/{sessionId}")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "revokeSession", summary = "End one of your sessions",
            description = "Signs that device out: its refresh token and access token stop working at once.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiResponse(responseCode = "404", description = "not-found: no active session with this id on your account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<Void> revoke(@PathVariable String sessionId, @Parameter(hidden = true) Principal principal,
                                     HttpRequest<?> request) {
        String userId = principal.requireUser();
        // Keys are scoped to the caller's own partition, so another person's session id simply is not found.
        if (sessionId.length() > 64 || !sessions.revoke(userId, sessionId, "revoked-by-user")) {
            throw ProblemException.notFound("You have no active session with this id.");
        }
        audit.byUser(userId, "auth.session.revoked", ClientInfo.of(request), Map.of("sessionId", sessionId));
        return HttpResponse.noContent();
    }
}
