package dev.penguinmails.identity.login;

import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.sessions.TokenResponse;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.problems.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /v1/auth/login}, {@code /refresh}, {@code /logout} and {@code /logout-all}. */
@Controller("/v1/auth")
@Tag(name = "Authentication", description = "Sign in, refresh tokens, sign out")
public class LoginController {
    private final LoginService logins;

    public LoginController(LoginService logins) {
        this.logins = logins;
    }

    @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @IdempotencyExempt
    @Operation(operationId = "login", summary = "Sign in with email and password",
            description = "Returns a 15-minute access token and a single-use refresh token, and opens a session "
                    + "(see GET /v1/me/sessions). After 5 consecutive failures the address is locked for 15 minutes "
                    + "and its owner is emailed; a sign-in from a new device is emailed too.")
    @ApiResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "validation-failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "invalid-credentials: unknown address or wrong password (the same answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "account-locked (until Retry-After) or rate-limited (per network or per address)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse login(@Body LoginRequest body, HttpRequest<?> request) {
        return logins.login(body, ClientInfo.of(request));
    }

    @Post(uri = "/refresh", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @IdempotencyExempt
    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for new tokens",
            description = "Refresh tokens rotate: each works once and the response carries the next one. Within 20 seconds "
                    + "of its use the same token gets the same response again (two tabs refreshing together). Presenting a "
                    + "token used longer ago ends its whole session, since a copy of it is in other hands.")
    @ApiResponse(responseCode = "200", description = "New tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "401", description = "invalid-refresh-token: unknown, expired, reused, or its session ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse refresh(@Body RefreshRequest body, HttpRequest<?> request) {
        return logins.refresh(body, ClientInfo.of(request));
    }

    @Post(uri = "/logout")
    @IdempotencyExempt
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logout", summary = "Sign out of this session",
            description = "Ends the session of the access token: its refresh token stops working and so does the access token, at once.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @ApiResponse(responseCode = "401", description = "unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<Void> logout(Principal principal, HttpRequest<?> request) {
        logins.logout(principal.requireUser(), principal.sessionId(), ClientInfo.of(request));
        return HttpResponse.noContent();
    }

    @Post(uri = "/logout-all")
    @IdempotencyExempt
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logoutEverywhere", summary = "Sign out everywhere", description = "Ends every session of the account, this one included.")
    @ApiResponse(responseCode = "204", description = "Signed out everywhere")
    @ApiResponse(responseCode = "401", description = "unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<Void> logoutAll(Principal principal, HttpRequest<?> request) {
        logins.logoutEverywhere(principal.requireUser(), ClientInfo.of(request));
        return HttpResponse.noContent();
    }
}
