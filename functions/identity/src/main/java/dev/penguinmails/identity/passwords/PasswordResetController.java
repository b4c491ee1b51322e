package dev.penguinmails.identity.passwords;

import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.verification.Accepted;
import dev.penguinmails.identity.verification.EmailRequest;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.problems.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /v1/auth/password-reset} and {@code POST /v1/auth/password-reset/confirm}. */
@Controller("/v1/auth/password-reset")
@Tag(name = "Authentication")
public class PasswordResetController {
    private final PasswordResetService resets;

    public PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password reset link",
            description = "The same answer whether or not an account has the address. At most 3 links an hour per address.")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "validation-failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "rate-limited; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Accepted request(@Body EmailRequest body, HttpRequest<?> request) {
        return resets.request(body.email(), ClientInfo.of(request));
    }

    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @IdempotencyExempt
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the emailed token",
            description = "The token works once, for one hour. Every session of the account is signed out.")
    @ApiResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = PasswordChangedResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid-token, weak-password (the token stays usable) or validation-failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PasswordChangedResponse confirm(@Body PasswordResetConfirmation body, HttpRequest<?> request) {
        return resets.confirm(body, ClientInfo.of(request));
    }
}
